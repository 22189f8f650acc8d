#pragma once

// Test support: a TableSource's rows as comparable text.

#include <cstdio>
#include <string>
#include <vector>

#include "eventlog/time_format.h"
#include "importers/table_source.h"

namespace pmstudio::importers::table_test {

using Row = std::vector<std::string>;

// Text quoted, numbers as %.17g, booleans true/false, date-times in ISO 8601, empty cells "-".
inline std::string show(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::Text:
            return std::string("'").append(cell.text).append("'");
        case Cell::Kind::Number: {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.17g", cell.number);
            return buffer;
        }
        case Cell::Kind::Boolean:
            return cell.boolean ? "true" : "false";
        case Cell::Kind::DateTime:
            return eventlog::format_utc(cell.micros);
        case Cell::Kind::Empty:
            break;
    }
    return "-";
}

// Reads the source to its end; `numbers` collects row_number() of each row.
inline std::vector<Row> rows_of(TableSource& source, std::vector<int64_t>* numbers = nullptr) {
    std::vector<Row> rows;
    std::vector<Cell> cells;
    while (source.next_row(cells)) {
        Row row;
        for (const Cell& cell : cells) row.push_back(show(cell));
        rows.push_back(row);
        if (numbers != nullptr) numbers->push_back(source.row_number());
    }
    return rows;
}

}  // namespace pmstudio::importers::table_test
