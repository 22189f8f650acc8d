#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pmstudio::api {

struct UploadedFile {
    std::string field_name;
    std::string file_name;
    std::filesystem::path path;
    int64_t size = 0;
    int64_t line_breaks = 0;  // '\n' bytes, counted as the file streams in
};

struct MultipartForm {
    std::map<std::string, std::string> fields;  // form fields by name (case as sent)
    std::optional<UploadedFile> file;           // the one file part

    // A field by case-insensitive name; nullopt when absent or empty.
    std::optional<std::string> field(std::string_view name) const;
};

// Parses a multipart/form-data body as it streams in, writing the file part straight to disk.
// Strict about content (one file part, field and file size limits, a proper closing boundary) and
// lenient about framing: when the Content-Type is not multipart or has no boundary parameter (a
// known client bug), the boundary is taken from the body's first line if it is "--<token>".
// Errors are ServiceErrors: 400 for malformed bodies, 413 when the file exceeds max_file_bytes.
class MultipartReader {
public:
    MultipartReader(const std::optional<std::string>& content_type, std::filesystem::path file_path,
                    int64_t max_file_bytes);
    ~MultipartReader();
    MultipartReader(const MultipartReader&) = delete;
    MultipartReader& operator=(const MultipartReader&) = delete;

    void feed(const char* data, size_t size);
    // Checks the body ended properly and hands over the form.
    MultipartForm finish();

    // The boundary from a Content-Type header, if it names one.
    static std::optional<std::string> boundary_of(std::string_view content_type);

private:
    enum class State { Preamble, Headers, Body, Done };
    void parse();
    bool parse_preamble();
    bool parse_headers();
    bool parse_body();
    void write_file(const char* data, size_t size);

    std::string boundary_;
    std::filesystem::path file_path_;
    int64_t max_file_bytes_;
    std::string buffer_;
    State state_ = State::Preamble;
    std::string part_name_;
    std::optional<std::string> part_file_name_;
    std::string field_value_;
    FILE* file_ = nullptr;
    bool finished_ = false;  // the file now belongs to the caller
    MultipartForm form_;
};

}  // namespace pmstudio::api
