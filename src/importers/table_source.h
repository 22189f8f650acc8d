#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::importers {

// One cell of a tabular source. Text cells are parsed by the importer under the import's culture;
// typed cells (from XLSX or JSON) are taken as they are.
struct Cell {
    enum class Kind { Empty, Text, Number, Boolean, DateTime };
    Kind kind = Kind::Empty;
    std::string_view text;  // Kind::Text; valid until the next call to next_row
    double number = 0;      // Kind::Number
    bool boolean = false;   // Kind::Boolean
    int64_t micros = 0;     // Kind::DateTime: microseconds since the epoch, UTC

    static Cell of_text(std::string_view t) { return {Kind::Text, t, 0, false, 0}; }
};

// A cell copied out of a source, to keep rows beyond the next call to next_row.
struct OwnedCell {
    Cell::Kind kind = Cell::Kind::Empty;
    std::string text;
    double number = 0;
    bool boolean = false;
    int64_t micros = 0;

    explicit OwnedCell(const Cell& cell)
        : kind(cell.kind),
          text(cell.text),
          number(cell.number),
          boolean(cell.boolean),
          micros(cell.micros) {}
    Cell view() const { return Cell{kind, text, number, boolean, micros}; }
};

// A table with a header row: CSV, an XLSX worksheet, or flattened JSON records.
class TableSource {
public:
    virtual ~TableSource() = default;
    // Column names, in source order.
    virtual const std::vector<std::string>& header() const = 0;
    // Fills `cells` (one per header column; missing trailing cells are Empty) and returns true, or
    // returns false at the end of the data.
    virtual bool next_row(std::vector<Cell>& cells) = 0;
    // 1-based number of the row last returned (for row issues; the header is not counted).
    virtual int64_t row_number() const = 0;
    // Bytes consumed so far and in total (for progress), -1 when unknown.
    virtual int64_t bytes_read() const { return -1; }
    virtual int64_t bytes_total() const { return -1; }
};

}  // namespace pmstudio::importers
