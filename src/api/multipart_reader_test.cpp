#include "api/multipart_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "common/service_error.h"

namespace pmstudio::api {
namespace {

const std::string kBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"datasetName\"\r\n\r\n"
    "Orders\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"log.csv\"\r\n"
    "Content-Type: text/csv\r\n\r\n"
    "a,b\r\n1,2\r\n--X\r\n"
    "--XyZ--\r\n";

std::filesystem::path upload_path() {
    // ctest runs every test in its own process, in parallel: one file per process.
    static const auto path = std::filesystem::temp_directory_path() /
                             ("pmstudio-multipart-" + std::to_string(::getpid()) + ".upload");
    return path;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

TEST(MultipartReaderTest, ParsesFieldsAndFileAtEverySplitPoint) {
    for (size_t split = 0; split <= kBody.size(); ++split) {
        MultipartReader reader("multipart/form-data; boundary=XyZ", upload_path(), 1 << 20);
        reader.feed(kBody.data(), split);
        reader.feed(kBody.data() + split, kBody.size() - split);
        const MultipartForm form = reader.finish();
        EXPECT_EQ(form.field("DATASETNAME"), "Orders") << split;
        ASSERT_TRUE(form.file) << split;
        EXPECT_EQ(form.file->file_name, "log.csv");
        EXPECT_EQ(slurp(form.file->path), "a,b\r\n1,2\r\n--X");
        EXPECT_EQ(form.file->size, 13);
        EXPECT_EQ(form.file->line_breaks, 2);
    }
    std::filesystem::remove(upload_path());
}

TEST(MultipartReaderTest, TakesTheBoundaryFromTheBodyWhenTheHeaderLacksIt) {
    for (const char* content_type : {"application/json", "multipart/form-data"}) {
        MultipartReader reader(std::string(content_type), upload_path(), 1 << 20);
        reader.feed(kBody.data(), kBody.size());
        EXPECT_EQ(reader.finish().field("datasetName"), "Orders");
    }
    std::filesystem::remove(upload_path());
}

TEST(MultipartReaderTest, RejectsMalformedBodies) {
    auto parse = [](const std::string& body) {
        MultipartReader reader("multipart/form-data; boundary=XyZ", upload_path(), 1 << 20);
        reader.feed(body.data(), body.size());
        return reader.finish();
    };
    EXPECT_THROW(parse("not multipart at all"), ServiceError);
    EXPECT_THROW(parse(kBody.substr(0, kBody.size() - 9)), ServiceError);  // no closing boundary
    EXPECT_THROW(parse("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n"), ServiceError);
    EXPECT_FALSE(std::filesystem::exists(upload_path()));
}

TEST(MultipartReaderTest, FileOverTheLimitIs413AndLeavesNoFile) {
    MultipartReader reader("multipart/form-data; boundary=XyZ", upload_path(), 5);
    try {
        reader.feed(kBody.data(), kBody.size());
        FAIL();
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::PayloadTooLarge);
    }
}

}  // namespace
}  // namespace pmstudio::api
