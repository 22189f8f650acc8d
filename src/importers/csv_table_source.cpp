#include "importers/csv_table_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <unordered_map>

#include "importers/import_report.h"
#include "importers/text_encoding.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kBlockSize = 4u << 20;
constexpr size_t kSampleSize = 64u << 10;
constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};

// Counts each candidate delimiter outside quotes on the first lines of the sample and picks the one
// whose count is the same non-zero number on every complete line (the largest such), falling back
// to the most frequent one.
char detect_delimiter(std::string_view sample) {
    std::array<std::vector<int>, kDelimiters.size()> counts;
    std::array<int, kDelimiters.size()> current{};
    bool quoted = false;
    int lines = 0;
    for (size_t i = 0; i < sample.size() && lines < 20; ++i) {
        const char c = sample[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '\n') {
            for (size_t d = 0; d < kDelimiters.size(); ++d) {
                counts[d].push_back(current[d]);
                current[d] = 0;
            }
            ++lines;
        } else if (!quoted) {
            for (size_t d = 0; d < kDelimiters.size(); ++d) current[d] += c == kDelimiters[d];
        }
    }
    if (lines == 0) {
        for (size_t d = 0; d < kDelimiters.size(); ++d) counts[d].push_back(current[d]);
    }
    char best = ',';
    int best_consistent = 0;
    int best_total = 0;
    char most_frequent = ',';
    for (size_t d = 0; d < kDelimiters.size(); ++d) {
        const auto& per_line = counts[d];
        int total = 0;
        bool consistent = per_line.front() > 0;
        for (int n : per_line) {
            total += n;
            consistent = consistent && n == per_line.front();
        }
        if (consistent && per_line.front() > best_consistent) {
            best_consistent = per_line.front();
            best = kDelimiters[d];
        }
        if (total > best_total) {
            best_total = total;
            most_frequent = kDelimiters[d];
        }
    }
    return best_consistent > 0 ? best : most_frequent;
}

std::vector<std::string> unique_header(const std::vector<std::string_view>& fields) {
    std::vector<std::string> names;
    std::unordered_map<std::string, int> seen;
    for (size_t i = 0; i < fields.size(); ++i) {
        std::string name(fields[i]);
        if (name.empty()) name = fmt::format("Column {}", i + 1);
        const int count = ++seen[name];
        if (count > 1) name = fmt::format("{}_{}", name, count);
        names.push_back(std::move(name));
    }
    return names;
}

// The position of the first delimiter, CR or LF in [pos, end), or end. Eight bytes at a time: a
// byte equal to c makes (w ^ c*0x01..01) have a zero byte, which the classic has-zero-byte test
// flags exactly at the lowest match.
size_t find_field_end(const char* data, size_t pos, size_t end, char delimiter) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHighs = 0x8080808080808080ULL;
    auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    const uint64_t d = kOnes * static_cast<unsigned char>(delimiter);
    const uint64_t lf = kOnes * '\n';
    const uint64_t cr = kOnes * '\r';
    while (pos + 8 <= end) {
        uint64_t word;
        std::memcpy(&word, data + pos, sizeof word);
        const uint64_t hits = zero_bytes(word ^ d) | zero_bytes(word ^ lf) | zero_bytes(word ^ cr);
        if (hits != 0) return pos + static_cast<size_t>(__builtin_ctzll(hits)) / 8;
        pos += 8;
    }
    while (pos < end && data[pos] != delimiter && data[pos] != '\n' && data[pos] != '\r') ++pos;
    return pos;
}

}  // namespace

CsvTableSource::CsvTableSource(const std::filesystem::path& file, std::optional<char> delimiter,
                               const std::string& encoding) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw ImportError(400, "Cannot open the uploaded CSV file");
    struct stat info {};
    if (::fstat(fd_, &info) == 0) bytes_total_ = info.st_size;
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);

    std::string raw(kSampleSize, '\0');
    const ssize_t got = ::pread(fd_, raw.data(), raw.size(), 0);
    raw.resize(got > 0 ? static_cast<size_t>(got) : 0);
    size_t skip = 0;
    if (raw.rfind("\xEF\xBB\xBF", 0) == 0) {
        skip = 3;
    } else if (raw.rfind("\xFF\xFE", 0) == 0 || raw.rfind("\xFE\xFF", 0) == 0) {
        throw ImportError(422, "UTF-16 CSV files are not supported; save the file as UTF-8");
    }
    if (encoding.empty()) {
        windows_1252_ = !looks_like_utf8(std::string_view(raw).substr(skip));
        encoding_ = windows_1252_ ? "Windows-1252" : "UTF-8";
    } else if (strcasecmp(encoding.c_str(), "UTF-8") == 0 ||
               strcasecmp(encoding.c_str(), "UTF8") == 0) {
        encoding_ = "UTF-8";
    } else if (strcasecmp(encoding.c_str(), "ISO-8859-1") == 0 ||
               strcasecmp(encoding.c_str(), "Latin1") == 0 ||
               strcasecmp(encoding.c_str(), "Windows-1252") == 0 ||
               strcasecmp(encoding.c_str(), "cp1252") == 0) {
        windows_1252_ = true;
        encoding_ = encoding;
    } else {
        throw ImportError(422, fmt::format("Unsupported encoding '{}': use UTF-8, ISO-8859-1 or "
                                           "Windows-1252",
                                           encoding));
    }
    ::lseek(fd_, static_cast<off_t>(skip), SEEK_SET);
    bytes_read_ = static_cast<int64_t>(skip);

    if (delimiter) {
        delimiter_ = *delimiter;
    } else {
        std::string decoded;
        if (windows_1252_) {
            append_windows_1252_as_utf8(std::string_view(raw).substr(skip), decoded);
        } else {
            decoded = raw.substr(skip);
        }
        delimiter_ = detect_delimiter(decoded);
    }

    buffer_.reserve(kBlockSize * (windows_1252_ ? 3 : 1) + kBlockSize);
    do {
        if (!read_record()) throw ImportError(422, "The CSV file is empty: no header row");
    } while (fields_.size() == 1 && fields_[0].empty());
    header_ = unique_header(fields_);
}

CsvTableSource::~CsvTableSource() {
    if (fd_ >= 0) ::close(fd_);
}

void CsvTableSource::append_block(const char* data, size_t size) {
    if (windows_1252_) {
        append_windows_1252_as_utf8(std::string_view(data, size), buffer_);
    } else {
        buffer_.append(data, size);
    }
}

bool CsvTableSource::refill() {
    if (eof_) return false;
    buffer_.erase(0, pos_);
    pos_ = 0;
    block_.resize(kBlockSize);
    const ssize_t got = ::read(fd_, block_.data(), block_.size());
    if (got <= 0) {
        eof_ = true;
        return false;
    }
    bytes_read_ += got;
    append_block(block_.data(), static_cast<size_t>(got));
    return true;
}

bool CsvTableSource::read_record() {
    for (;;) {
        fields_.clear();
        unescaped_.clear();
        size_t p = pos_;
        const char* data = buffer_.data();
        const size_t end = buffer_.size();
        bool need_more = false;
        bool record_done = false;
        while (!record_done) {
            if (p >= end) {
                if (!eof_) {
                    need_more = true;
                    break;
                }
                if (p == pos_ && fields_.empty()) return false;  // nothing left
                fields_.emplace_back();
                record_done = true;
                break;
            }
            std::string_view field;
            if (data[p] == '"') {
                size_t q = p + 1;
                bool escaped = false;
                for (;;) {
                    const void* hit = q < end ? std::memchr(data + q, '"', end - q) : nullptr;
                    if (hit == nullptr) {
                        need_more = !eof_;
                        q = end;
                        break;
                    }
                    q = static_cast<const char*>(hit) - data;
                    if (q + 1 < end && data[q + 1] == '"') {
                        escaped = true;
                        q += 2;
                        continue;
                    }
                    if (q + 1 == end && !eof_) need_more = true;
                    break;
                }
                if (need_more) break;
                field = std::string_view(data + p + 1, (q < end ? q : end) - p - 1);
                if (escaped) {
                    std::string& copy = unescaped_.emplace_back();
                    copy.reserve(field.size());
                    for (size_t i = 0; i < field.size(); ++i) {
                        copy.push_back(field[i]);
                        if (field[i] == '"') ++i;
                    }
                    field = copy;
                }
                p = q < end ? q + 1 : end;
                // Lenient: text between the closing quote and the delimiter is dropped.
                while (p < end && data[p] != delimiter_ && data[p] != '\n' && data[p] != '\r') ++p;
            } else {
                const size_t q = find_field_end(data, p, end, delimiter_);
                if (q == end && !eof_) {
                    need_more = true;
                    break;
                }
                field = std::string_view(data + p, q - p);
                p = q;
            }
            fields_.push_back(field);
            if (p >= end) {
                if (!eof_) {
                    need_more = true;
                    break;
                }
                record_done = true;
            } else if (data[p] == delimiter_) {
                ++p;
                if (p >= end && eof_) {
                    fields_.emplace_back();
                    record_done = true;
                }
            } else {
                if (data[p] == '\r') ++p;
                if (p < end && data[p] == '\n') {
                    ++p;
                } else if (p >= end && !eof_) {
                    need_more = true;  // CR at the block end: the LF may follow
                    break;
                }
                record_done = true;
            }
        }
        if (need_more) {
            if (!refill()) eof_ = true;
            continue;
        }
        pos_ = p;
        return true;
    }
}

bool CsvTableSource::next_row(std::vector<Cell>& cells) {
    do {
        if (!read_record()) return false;
    } while (fields_.size() == 1 && fields_[0].empty());
    ++row_number_;
    if (fields_.size() > header_.size()) ++overlong_rows_;
    cells.resize(header_.size());
    const size_t count = std::min(fields_.size(), header_.size());
    for (size_t i = 0; i < count; ++i) {
        cells[i] = fields_[i].empty() ? Cell{} : Cell::of_text(fields_[i]);
    }
    for (size_t i = count; i < cells.size(); ++i) cells[i] = Cell{};
    return true;
}

}  // namespace pmstudio::importers
