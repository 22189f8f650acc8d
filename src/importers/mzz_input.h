#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/mzz_reader.h"

namespace pmstudio::importers {

// The decompressed payload of a .mzz file, read front to back with the .NET BinaryWriter
// primitives of docs/formats-mzz.md. The single gzip member is inflated chunk by chunk as the
// reader advances, so memory does not grow with the payload. Every problem (not gzip, corrupt or
// truncated data, an unexpected value) is a MzzFormatError at the payload offset where it was
// found; `what` names the field in those messages ("column record tag").
class MzzInput {
public:
    explicit MzzInput(const std::filesystem::path& file);
    ~MzzInput();
    MzzInput(const MzzInput&) = delete;
    MzzInput& operator=(const MzzInput&) = delete;

    // Payload bytes consumed so far.
    uint64_t offset() const { return consumed_; }

    uint8_t u8(std::string_view what);
    int32_t i32(std::string_view what);
    int64_t i64(std::string_view what);
    float f32(std::string_view what);
    // A 7-bit-encoded byte length, then that many bytes (UTF-8, not validated).
    std::string str(std::string_view what);
    // The null flag of the nullable encodings: true for 1 (null), false for 0 (present).
    bool null_flag(std::string_view what);
    std::optional<std::string> nstr(std::string_view what);
    std::optional<std::vector<std::string>> nlist(std::string_view what);

    // Fixed fields: anything but the expected value is an error at the field's offset.
    void expect_u8(uint8_t expected, std::string_view what);
    void expect_i32(int32_t expected, std::string_view what);
    void expect_bytes(std::string_view expected, std::string_view what);
    // The payload ends here, the gzip member ends with it and nothing follows it in the file.
    void expect_end();

    [[noreturn]] void fail(uint64_t at, const std::string& problem) const;

private:
    // Makes `size` bytes available at data_ + position_ (false at the end of the payload).
    bool fill(size_t size);
    // `size` bytes (valid until the next read), or an error naming `what` at the end of the data.
    const char* take(size_t size, std::string_view what);
    // Inflates more payload into the buffer; false at the end of the gzip member.
    bool inflate_more();

    struct CloseFile {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, CloseFile> file_;
    struct Inflater;
    std::unique_ptr<Inflater> inflater_;
    std::vector<char> input_;
    std::vector<char> buffer_;
    size_t position_ = 0;  // next unread byte of buffer_
    size_t end_ = 0;       // end of the inflated bytes in buffer_
    uint64_t consumed_ = 0;
    bool member_ended_ = false;
};

}  // namespace pmstudio::importers
