#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eventlog/value_type.h"

namespace pmstudio::eventlog {

// One attribute column (a value per case or per event), stored by type with a null bitmap.
struct Column {
    std::string name;
    ValueType type = ValueType::String;
    std::vector<int64_t> ints;            // Boolean, Integer, DateTime, TimeSpan
    std::vector<double> doubles;          // Double
    std::vector<uint32_t> codes;          // String: index into `dictionary`
    std::vector<std::string> dictionary;  // String values
    std::vector<uint64_t> nulls;          // bit i set: row i is null; empty when nothing is null
    bool derived = false;                 // calculated by an enrichment, not imported

    size_t size() const;
    // The bitmap may be shorter than the column: rows past its end are not null.
    bool is_null(size_t row) const {
        return (row >> 6) < nulls.size() && ((nulls[row >> 6] >> (row & 63)) & 1U) != 0;
    }
    void set_null(size_t row);
    bool has_nulls() const;
    // Rows in the given order: out[i] = this[order[i]].
    Column gather(const std::vector<uint32_t>& order) const;
    // The value of a row as text (canonical form: ISO 8601 for DateTime, "" for null).
    std::string text(size_t row) const;
};

bool operator==(const Column& a, const Column& b);

// The canonical text of a value stored as int64 (Boolean, Integer, DateTime, TimeSpan), and of a
// Double, as Column::text gives them.
std::string int64_value_text(ValueType type, int64_t value);
std::string double_value_text(double value);

}  // namespace pmstudio::eventlog
