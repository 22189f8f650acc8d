#include "importers/mpz_archive.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/guid.h"
#include "common/scoped_file.h"
#include "importers/import_report.h"
#include "importers/mpz_writer.h"

namespace pmstudio::importers {
namespace {

class MpzArchiveTest : public ::testing::Test {
protected:
    std::filesystem::path path(const std::string& name) {
        auto file = std::filesystem::temp_directory_path() / (new_guid() + "-" + name);
        files_.emplace_back(std::make_unique<ScopedFile>(file));
        return file;
    }

    // A package with these entries (name, bytes).
    std::filesystem::path package(const std::vector<std::pair<std::string, std::string>>& entries) {
        auto file = path("package.mpz");
        MpzWriter writer(file);
        for (const auto& [name, bytes] : entries) writer.add_bytes(name, bytes);
        writer.close();
        return file;
    }

    // The message of the ImportError that opening `file` throws.
    static std::string open_error(const std::filesystem::path& file, MpzLimits limits = {}) {
        try {
            MpzArchive archive(file, limits);
        } catch (const ImportError& error) {
            EXPECT_EQ(error.status(), 400);
            return error.what();
        }
        ADD_FAILURE() << "no ImportError";
        return "";
    }

private:
    std::vector<std::unique_ptr<ScopedFile>> files_;
};

TEST_F(MpzArchiveTest, ReadsAndExtractsMembers) {
    const std::string binary("binary\0data", 11);
    const auto file = package({{"project.mcl", "{}"}, {"datasets/a.pmslog", binary}});
    const MpzArchive archive(file);
    EXPECT_TRUE(archive.contains("PROJECT.mcl"));
    EXPECT_FALSE(archive.contains("datasets/b.pmslog"));
    EXPECT_EQ(archive.read_text("project.mcl"), "{}");
    const auto target = path("extracted");
    archive.extract("datasets/a.pmslog", target);
    std::ifstream in(target, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str(), binary);
}

TEST_F(MpzArchiveTest, WritesFilesWithoutReadingThemFirst) {
    const auto source = path("source");
    std::ofstream(source, std::ios::binary) << std::string(100000, 'x');
    const auto file = path("package.mpz");
    MpzWriter writer(file);
    writer.add_file("datasets/big.pmslog", source, false);
    writer.close();
    EXPECT_EQ(MpzArchive(file).read_text("datasets/big.pmslog"), std::string(100000, 'x'));
}

TEST_F(MpzArchiveTest, RefusesWhatIsNotAZip) {
    const auto file = path("not.mpz");
    std::ofstream(file) << "CaseID,Activity\n";
    EXPECT_EQ(open_error(file),
              "Invalid .mpz package: not a readable zip archive (Not a zip archive)");
}

TEST_F(MpzArchiveTest, RefusesEntriesThatCouldEscape) {
    EXPECT_EQ(open_error(package({{"/etc/passwd", "x"}})),
              "Invalid .mpz package: the zip entry '/etc/passwd' has an absolute path");
    EXPECT_EQ(open_error(package({{"C:/x", "x"}})),
              "Invalid .mpz package: the zip entry 'C:/x' has an absolute path");
    EXPECT_EQ(open_error(package({{"datasets/../../x", "x"}})),
              "Invalid .mpz package: the zip entry 'datasets/../../x' contains '..'");
    EXPECT_EQ(open_error(package({{"datasets\\..\\x", "x"}})),
              "Invalid .mpz package: the zip entry 'datasets\\..\\x' contains '..'");
    EXPECT_NO_THROW(MpzArchive(package({{"datasets/a..b.pmslog", "x"}})));
}

TEST_F(MpzArchiveTest, RefusesZipBombs) {
    const auto zeros = package({{"project.mcl", std::string(2 << 20, '\0')}});
    EXPECT_NE(open_error(zeros).find("the zip entry 'project.mcl' expands"), std::string::npos);
    EXPECT_NE(open_error(zeros).find("refused as a zip bomb"), std::string::npos);

    const auto text = package({{"a", std::string(600, 'a')}, {"b", std::string(600, 'b')}});
    MpzLimits limits;
    limits.max_total_bytes = 1000;
    EXPECT_EQ(open_error(text, limits),
              "Invalid .mpz package: the entries expand to more than 1000 bytes; refused as a zip "
              "bomb");
}

TEST_F(MpzArchiveTest, RefusesMembersLongerThanTheirDirectoryEntrySays) {
    const auto source = path("source");
    std::ofstream(source, std::ios::binary) << std::string(5000, 'x');
    const auto file = path("package.mpz");
    MpzWriter writer(file);
    writer.add_file("datasets/a.pmslog", source, false);
    writer.close();
    // Rewrite the central directory's uncompressed size (offset 24 of the entry) to 10 bytes.
    std::fstream zip(file, std::ios::in | std::ios::out | std::ios::binary);
    std::ostringstream bytes;
    bytes << zip.rdbuf();
    const auto entry = bytes.str().find("PK\x01\x02");
    ASSERT_NE(entry, std::string::npos);
    zip.seekp(static_cast<std::streamoff>(entry + 24));
    const char ten[4] = {10, 0, 0, 0};
    zip.write(ten, 4);
    zip.close();
    const MpzArchive archive(file);
    try {
        archive.extract("datasets/a.pmslog", path("extracted"));
        FAIL();
    } catch (const ImportError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "Invalid .mpz package: the zip entry 'datasets/a.pmslog' holds more than the 10 "
                  "bytes its directory entry declares; refused as a zip bomb");
    }
}

TEST_F(MpzArchiveTest, LimitsTheDocumentSize) {
    MpzLimits limits;
    limits.max_document_bytes = 10;
    const MpzArchive archive(package({{"project.mcl", std::string(11, ' ')}}), limits);
    try {
        archive.read_text("project.mcl");
        FAIL();
    } catch (const ImportError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "Invalid .mpz package: 'project.mcl' is 11 bytes; the limit is 10");
    }
}

}  // namespace
}  // namespace pmstudio::importers
