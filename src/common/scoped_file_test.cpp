#include "common/scoped_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace pmstudio {
namespace {

std::filesystem::path make_file(const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("pmstudio-scoped-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << "x";
    return path;
}

TEST(ScopedFileTest, RemovesItsFileUnlessReleased) {
    const auto removed = make_file("a");
    const auto kept = make_file("b");
    {
        ScopedFile first(removed);
        ScopedFile second(kept);
        EXPECT_EQ(second.release(), kept);
    }
    EXPECT_FALSE(std::filesystem::exists(removed));
    EXPECT_TRUE(std::filesystem::exists(kept));
    std::filesystem::remove(kept);
}

TEST(ScopedFileTest, ResetRemovesAnotherFileButKeepsTheSameOne) {
    const auto first = make_file("c");
    const auto second = make_file("d");
    ScopedFile file(first);
    file.reset(first);
    EXPECT_TRUE(std::filesystem::exists(first));
    file.reset(second);
    EXPECT_FALSE(std::filesystem::exists(first));
    EXPECT_EQ(file.release(), second);
    std::filesystem::remove(second);
}

}  // namespace
}  // namespace pmstudio
