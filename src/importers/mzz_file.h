#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/mzz_input.h"

namespace pmstudio::importers::mzz {

// Data type codes of a column record (docs/formats-mzz.md).
enum class DataType : uint8_t {
    String = 0,
    Int32 = 1,
    DateTime = 2,
    Boolean = 3,
    Float = 4,
    TimeSpan = 9,
};

// The `level` of a ColumnMeta: the table a column sits in.
enum class Level : int32_t { Conformance = 0, Case = 1, Event = 2 };

// One column record, its values decoded and checked value by value (string indexes within the
// string table, booleans 0/1, DateTimes of Kind 0 within the .NET range), with the payload
// offsets later checks report.
struct Column {
    std::string name;
    DataType type = DataType::String;
    uint64_t name_offset = 0;
    uint64_t type_offset = 0;
    uint64_t values_offset = 0;
    uint64_t meta_offset = 0;  // of the isInternal byte

    // String: string-table indexes, -1 for null. Int32 and Boolean (0/1): the values.
    std::vector<int32_t> small;
    // DateTime: microseconds since 1970 (wall clock read as UTC); TimeSpan: microseconds.
    std::vector<int64_t> large;
    std::vector<float> floats;
    // Nullable types: set for null rows (rows past the end are not null). Strings use index -1.
    std::vector<bool> nulls;

    bool internal = false;
    std::optional<std::string> derived_name;  // set (and equal to `name`) for calculated columns

    size_t rows() const;
    bool is_null(size_t row) const;
    // Where the value of `row` starts in the payload (values have variable length).
    uint64_t value_offset(size_t row) const;
};

struct Table {
    std::vector<Column> columns;
    uint64_t rows = 0;
    uint64_t offset = 0;  // of the column set
};

// A whole .mzz payload as the grammar describes it.
struct File {
    std::vector<std::string> strings;
    std::string case_id_column;
    uint64_t case_id_column_offset = 0;
    Table cases;
    std::string time_column;
    uint64_t time_column_offset = 0;
    std::string activity_column;
    uint64_t activity_column_offset = 0;
    std::optional<std::string> resource_column;
    uint64_t resource_column_offset = 0;
    std::optional<std::string> start_time_column;
    uint64_t start_time_column_offset = 0;
    Table events;
    std::optional<int64_t> freeze_time;  // microseconds since 1970 (wall clock read as UTC)
};

// Parses the payload of `input` to its end, checking every fixed field and every value's
// encoding; throws MzzFormatError. Does not check how the tables relate (see read_mzz).
File parse_file(MzzInput& input);

}  // namespace pmstudio::importers::mzz
