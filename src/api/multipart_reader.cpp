#include "api/multipart_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <functional>

#include "common/service_error.h"
#include "common/text.h"

namespace pmstudio::api {
namespace {

constexpr size_t kMaxFieldBytes = 1u << 20;
constexpr size_t kMaxHeaderBytes = 16u << 10;

[[noreturn]] void malformed(const std::string& why) {
    throw ServiceError(ErrorKind::BadRequest, "Malformed multipart/form-data body: " + why);
}

// The value of `key="..."` (or key=token) in a header value such as Content-Disposition.
std::optional<std::string> header_parameter(std::string_view header, std::string_view key) {
    const std::string lowered = to_lower(header);
    size_t pos = 0;
    while ((pos = lowered.find(key, pos)) != std::string::npos) {
        const bool starts_word = pos == 0 || lowered[pos - 1] == ';' || lowered[pos - 1] == ' ';
        size_t value = pos + key.size();
        if (!starts_word || value >= header.size() || header[value] != '=') {
            pos += key.size();
            continue;
        }
        ++value;
        if (value < header.size() && header[value] == '"') {
            const size_t close = header.find('"', value + 1);
            if (close == std::string_view::npos) return std::nullopt;
            return std::string(header.substr(value + 1, close - value - 1));
        }
        const size_t end = header.find(';', value);
        std::string token(header.substr(value, end == std::string_view::npos ? end : end - value));
        while (!token.empty() && token.back() == ' ') token.pop_back();
        return token;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> MultipartForm::field(std::string_view name) const {
    for (const auto& [key, value] : fields) {
        if (iequals(key, name)) {
            if (value.empty()) return std::nullopt;
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> MultipartReader::boundary_of(std::string_view content_type) {
    if (to_lower(content_type).find("multipart/") == std::string::npos) return std::nullopt;
    auto boundary = header_parameter(content_type, "boundary");
    if (!boundary || boundary->empty()) return std::nullopt;
    return boundary;
}

MultipartReader::MultipartReader(const std::optional<std::string>& content_type,
                                 std::filesystem::path file_path, int64_t max_file_bytes)
    : file_path_(std::move(file_path)), max_file_bytes_(max_file_bytes) {
    if (content_type) {
        if (auto boundary = boundary_of(*content_type)) boundary_ = *boundary;
    }
}

MultipartReader::~MultipartReader() {
    if (file_ != nullptr) std::fclose(file_);
    if (!finished_) {
        std::error_code ignored;
        std::filesystem::remove(file_path_, ignored);
    }
}

void MultipartReader::feed(const char* data, size_t size) {
    buffer_.append(data, size);
    parse();
}

void MultipartReader::parse() {
    for (;;) {
        bool progressed = false;
        switch (state_) {
            case State::Preamble:
                progressed = parse_preamble();
                break;
            case State::Headers:
                progressed = parse_headers();
                break;
            case State::Body:
                progressed = parse_body();
                break;
            case State::Done:
                buffer_.clear();  // the epilogue is ignored
                return;
        }
        if (!progressed) return;
    }
}

bool MultipartReader::parse_preamble() {
    const size_t line_end = buffer_.find("\r\n");
    if (line_end == std::string::npos) {
        if (buffer_.size() > kMaxHeaderBytes) malformed("no boundary line at the start");
        return false;
    }
    const std::string_view first_line(buffer_.data(), line_end);
    if (boundary_.empty()) {
        if (first_line.size() <= 2 || first_line.substr(0, 2) != "--") {
            malformed("no boundary: send Content-Type: multipart/form-data; boundary=...");
        }
        boundary_ = std::string(first_line.substr(2));
    }
    const std::string opening = "--" + boundary_;
    size_t start = buffer_.find(opening);
    if (start == std::string::npos) {
        if (buffer_.size() > kMaxHeaderBytes) malformed("the boundary line was not found");
        return false;
    }
    const size_t after = start + opening.size();
    if (buffer_.size() < after + 2) return false;
    if (buffer_.compare(after, 2, "\r\n") != 0)
        malformed("the boundary line is not followed by CRLF");
    buffer_.erase(0, after + 2);
    state_ = State::Headers;
    return true;
}

bool MultipartReader::parse_headers() {
    const size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (buffer_.size() > kMaxHeaderBytes) malformed("part headers are too long");
        return false;
    }
    part_name_.clear();
    part_file_name_.reset();
    std::string_view headers(buffer_.data(), end);
    size_t line_start = 0;
    bool has_disposition = false;
    while (line_start <= headers.size()) {
        size_t line_end = headers.find("\r\n", line_start);
        if (line_end == std::string_view::npos) line_end = headers.size();
        const std::string_view line = headers.substr(line_start, line_end - line_start);
        const size_t colon = line.find(':');
        if (colon != std::string_view::npos &&
            to_lower(line.substr(0, colon)) == "content-disposition") {
            has_disposition = true;
            const std::string_view value = line.substr(colon + 1);
            part_name_ = header_parameter(value, "name").value_or("");
            part_file_name_ = header_parameter(value, "filename");
        }
        line_start = line_end + 2;
    }
    if (!has_disposition || part_name_.empty()) malformed("a part has no Content-Disposition name");
    if (part_file_name_) {
        if (form_.file || file_ != nullptr) malformed("only one file part is accepted");
        file_ = std::fopen(file_path_.c_str(), "wb");
        if (file_ == nullptr) {
            throw std::runtime_error("cannot create upload file " + file_path_.string());
        }
        std::setvbuf(file_, nullptr, _IOFBF, 1u << 20);
        form_.file = UploadedFile{part_name_, *part_file_name_, file_path_, 0};
    }
    field_value_.clear();
    buffer_.erase(0, end + 4);
    state_ = State::Body;
    return true;
}

bool MultipartReader::parse_body() {
    const std::string delimiter = "\r\n--" + boundary_;
    const std::boyer_moore_horspool_searcher searcher(delimiter.begin(), delimiter.end());
    const auto found = std::search(buffer_.begin(), buffer_.end(), searcher);
    if (found == buffer_.end()) {
        // Keep a tail that could be the start of the delimiter; hand the rest over.
        if (buffer_.size() < delimiter.size()) return false;
        const size_t safe = buffer_.size() - (delimiter.size() - 1);
        if (part_file_name_) {
            write_file(buffer_.data(), safe);
        } else {
            field_value_.append(buffer_, 0, safe);
            if (field_value_.size() > kMaxFieldBytes) {
                malformed(
                    fmt::format("form field '{}' exceeds {} bytes", part_name_, kMaxFieldBytes));
            }
        }
        buffer_.erase(0, safe);
        return false;
    }
    const size_t at = static_cast<size_t>(found - buffer_.begin());
    const size_t after = at + delimiter.size();
    if (buffer_.size() < after + 2) return false;
    if (part_file_name_) {
        write_file(buffer_.data(), at);
        if (std::fclose(file_) != 0) throw std::runtime_error("cannot write the upload to disk");
        file_ = nullptr;
    } else {
        field_value_.append(buffer_, 0, at);
        if (field_value_.size() > kMaxFieldBytes) {
            malformed(fmt::format("form field '{}' exceeds {} bytes", part_name_, kMaxFieldBytes));
        }
        form_.fields[part_name_] = field_value_;
    }
    const std::string_view tail(buffer_.data() + after, 2);
    if (tail == "--") {
        state_ = State::Done;
    } else if (tail == "\r\n") {
        state_ = State::Headers;
    } else {
        malformed("a boundary is followed by neither CRLF nor --");
    }
    buffer_.erase(0, after + 2);
    return true;
}

void MultipartReader::write_file(const char* data, size_t size) {
    if (size == 0) return;
    form_.file->size += static_cast<int64_t>(size);
    if (form_.file->size > max_file_bytes_) {
        throw ServiceError(
            ErrorKind::PayloadTooLarge,
            fmt::format("The uploaded file exceeds the limit of {} bytes (1 GB)", max_file_bytes_));
    }
    for (const char* p = data;
         (p = static_cast<const char*>(std::memchr(p, '\n', data + size - p))); ++p) {
        ++form_.file->line_breaks;
    }
    if (std::fwrite(data, 1, size, file_) != size) {
        throw std::runtime_error("cannot write the upload to disk");
    }
}

MultipartForm MultipartReader::finish() {
    if (state_ != State::Done) malformed("the body ended before the closing boundary");
    finished_ = true;
    return std::move(form_);
}

}  // namespace pmstudio::api
