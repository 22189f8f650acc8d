#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/table_source.h"

namespace pmstudio::importers {

// A CSV file read as a table (RFC 4180: quoted fields with "" escapes and line breaks, CRLF or LF).
// The delimiter (, ; tab |) and the encoding (UTF-8 with or without BOM, else Windows-1252, whose
// printable range includes ISO-8859-1) are detected from the first 64 KiB unless given. Text is
// handed out as UTF-8. The first record is the header: empty names become "Column N", repeated
// names get a "_2", "_3" suffix. Blank lines are skipped. Reads the file in large blocks; cells
// point into the block and stay valid until the next call to next_row.
class CsvTableSource final : public TableSource {
public:
    // Throws ImportError (400/422) when the file cannot be read or is not text.
    CsvTableSource(const std::filesystem::path& file, std::optional<char> delimiter,
                   const std::string& encoding);
    ~CsvTableSource() override;

    const std::vector<std::string>& header() const override { return header_; }
    bool next_row(std::vector<Cell>& cells) override;
    int64_t row_number() const override { return row_number_; }
    int64_t bytes_read() const override { return bytes_read_; }
    int64_t bytes_total() const override { return bytes_total_; }

    char delimiter() const { return delimiter_; }
    const std::string& encoding() const { return encoding_; }
    // Rows that had more fields than the header (the extra fields are ignored).
    int64_t overlong_rows() const { return overlong_rows_; }

private:
    // Parses one record into fields_; false at the end of the file.
    bool read_record();
    // Moves the unparsed tail to the front and appends the next block; false at end of file.
    bool refill();
    void append_block(const char* data, size_t size);

    int fd_ = -1;
    char delimiter_ = ',';
    std::string encoding_ = "UTF-8";
    bool windows_1252_ = false;
    std::string buffer_;
    std::string block_;  // raw bytes of the last read
    size_t pos_ = 0;
    bool eof_ = false;
    std::vector<std::string_view> fields_;
    std::deque<std::string> unescaped_;  // stable storage for fields with "" escapes
    std::vector<std::string> header_;
    int64_t row_number_ = 0;
    int64_t bytes_read_ = 0;
    int64_t bytes_total_ = 0;
    int64_t overlong_rows_ = 0;
};

}  // namespace pmstudio::importers
