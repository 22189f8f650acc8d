#include "importers/mzz_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace pmstudio::importers::mzz {
namespace {

using namespace std::string_view_literals;

constexpr int32_t kStreamVersion = 15;
constexpr int32_t kHeaderInt = 1;
constexpr int32_t kTableVersion = 1;
constexpr int32_t kColumnSetVersion = 1;
constexpr int32_t kColumnTag = 8;
constexpr int32_t kTrailerInt = 2;
constexpr std::string_view kLogPropertiesRun1 = "\0\0\0\0\0\1\0\0\0\0"sv;
constexpr std::string_view kLogPropertiesRun2 = "\1\1"sv;
constexpr std::string_view kLogPropertiesRun3 = "\1\0\0\0\0\0\0\0"sv;
constexpr std::string_view kTrailerRun = "\1\0\1\1\1"sv;

// .NET DateTime: 100-ns ticks since 0001-01-01; the two top bits are the DateTimeKind.
constexpr int64_t kTicksPerMicrosecond = 10;
constexpr int64_t kUnixEpochTicks = 621'355'968'000'000'000;
constexpr int64_t kMaxDateTimeTicks = 3'155'378'975'999'999'999;  // 9999-12-31 23:59:59.9999999
constexpr int kKindShift = 62;

// Strings are reserved for up to this many entries before any is read (the count is not trusted).
constexpr size_t kMaxReserve = size_t{1} << 16;

std::string_view table_name(Level level) {
    switch (level) {
        case Level::Case:
            return "case table";
        case Level::Event:
            return "event table";
        case Level::Conformance:
            return "conformance table";
    }
    return "table";
}

std::optional<DataType> data_type(uint8_t code) {
    switch (code) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
        case 9:
            return static_cast<DataType>(code);
        default:
            return std::nullopt;
    }
}

// The payload bytes a non-null value of the type takes after its null flag.
size_t value_size(DataType type) {
    switch (type) {
        case DataType::Boolean:
            return 1;
        case DataType::DateTime:
        case DataType::TimeSpan:
            return 8;
        default:
            return 4;
    }
}

int32_t count_field(MzzInput& in, std::string_view what) {
    const uint64_t at = in.offset();
    const int32_t count = in.i32(what);
    if (count < 0) in.fail(at, fmt::format("expected {} (0 or more), found {}", what, count));
    return count;
}

uint8_t boolean_byte(MzzInput& in, std::string_view what) {
    const uint64_t at = in.offset();
    const uint8_t value = in.u8(what);
    if (value > 1) in.fail(at, fmt::format("expected {} (0 or 1), found {}", what, value));
    return value;
}

// A DateTime of Kind 0 (unspecified: mindzie's wall clock) as microseconds since 1970.
int64_t date_time(MzzInput& in, std::string_view what) {
    const uint64_t at = in.offset();
    const int64_t raw = in.i64(what);
    const auto kind = static_cast<unsigned>(static_cast<uint64_t>(raw) >> kKindShift);
    if (kind != 0) {
        in.fail(at, fmt::format("expected {} of DateTimeKind 0 (unspecified), found Kind {}", what,
                                kind));
    }
    if (raw > kMaxDateTimeTicks) {
        in.fail(at, fmt::format("expected {} within 0001-01-01 to 9999-12-31, found {} ticks", what,
                                raw));
    }
    return raw / kTicksPerMicrosecond - kUnixEpochTicks / kTicksPerMicrosecond;
}

void read_values(MzzInput& in, Column& column, size_t rows, size_t strings) {
    const std::string what = fmt::format("a value of column '{}'", column.name);
    column.values_offset = in.offset();
    if (column.type == DataType::String) {
        column.small.reserve(std::min(rows, kMaxReserve));
        for (size_t row = 0; row < rows; ++row) {
            const uint64_t at = in.offset();
            const int32_t index = in.i32(what);
            if (index < -1 || (index >= 0 && static_cast<size_t>(index) >= strings)) {
                in.fail(at, fmt::format("expected {} to be a string-table index (-1 for null, "
                                        "else below {}), found {}",
                                        what, strings, index));
            }
            column.small.push_back(index);
        }
        return;
    }
    for (size_t row = 0; row < rows; ++row) {
        const bool null = in.null_flag(what);
        if (null) {
            column.nulls.resize(row + 1);
            column.nulls[row] = true;
        }
        switch (column.type) {
            case DataType::Int32:
                column.small.push_back(null ? 0 : in.i32(what));
                break;
            case DataType::Boolean:
                column.small.push_back(null ? 0 : boolean_byte(in, what));
                break;
            case DataType::Float:
                column.floats.push_back(null ? 0.0F : in.f32(what));
                break;
            case DataType::DateTime:
                column.large.push_back(null ? 0 : date_time(in, what));
                break;
            case DataType::TimeSpan:
                column.large.push_back(null ? 0 : in.i64(what) / kTicksPerMicrosecond);
                break;
            case DataType::String:
                break;
        }
    }
}

void read_meta(MzzInput& in, Column& column, Level level) {
    const std::string& name = column.name;
    column.meta_offset = in.offset();
    column.internal = boolean_byte(in, fmt::format("the isInternal flag of column '{}'", name));
    const uint64_t level_at = in.offset();
    const int32_t found = in.i32(fmt::format("the level of column '{}'", name));
    if (found != static_cast<int32_t>(level)) {
        in.fail(level_at, fmt::format("expected level {} ({}) for column '{}', found {}",
                                      static_cast<int32_t>(level), table_name(level), name, found));
    }
    const uint64_t derived_at = in.offset();
    column.derived_name = in.nstr(fmt::format("the derived name of column '{}'", name));
    if (column.derived_name && *column.derived_name != name) {
        in.fail(derived_at, fmt::format("expected the derived name of column '{}' to be null or "
                                        "'{}', found '{}'",
                                        name, name, *column.derived_name));
    }
    in.expect_u8(0, fmt::format("ColumnMeta byte 1 of column '{}'", name));
    in.expect_u8(1, fmt::format("ColumnMeta byte 2 of column '{}'", name));
    boolean_byte(in, fmt::format("the ColumnMeta flag b2 of column '{}'", name));
    in.nlist(fmt::format("the source columns of column '{}'", name));
    in.nlist(fmt::format("the source activities of column '{}'", name));
    in.i32(fmt::format("the calculation kind of column '{}'", name));
    in.expect_u8(0, fmt::format("ColumnMeta byte 3 of column '{}'", name));
    in.i32(fmt::format("the calculation category of column '{}'", name));
}

Column read_column(MzzInput& in, Level level, size_t rows, size_t strings) {
    Column column;
    in.expect_i32(kColumnTag, "column record tag");
    column.name_offset = in.offset();
    column.name = in.str("a column name");
    column.type_offset = in.offset();
    const uint8_t code = in.u8(fmt::format("the data type of column '{}'", column.name));
    const auto type = data_type(code);
    if (!type) {
        in.fail(column.type_offset,
                fmt::format("expected the data type of column '{}' (0 string, 1 int32, "
                            "2 DateTime, 3 bool, 4 float, 9 TimeSpan), found unknown type {}",
                            column.name, code));
    }
    column.type = *type;
    in.expect_i32(0, fmt::format("reserved int of column '{}'", column.name));
    const uint64_t count_at = in.offset();
    const int32_t count = in.i32(fmt::format("the value count of column '{}'", column.name));
    if (count < 0 || static_cast<size_t>(count) != rows) {
        in.fail(count_at, fmt::format("expected the value count of column '{}' to equal the row "
                                      "count {} of the {}, found {}",
                                      column.name, rows, table_name(level), count));
    }
    read_values(in, column, rows, strings);
    read_meta(in, column, level);
    return column;
}

Table read_column_set(MzzInput& in, Level level, size_t strings) {
    Table table;
    table.offset = in.offset();
    const std::string_view name = table_name(level);
    in.expect_i32(kColumnSetVersion, fmt::format("column set version of the {}", name));
    const int32_t rows = count_field(in, fmt::format("the row count of the {}", name));
    in.expect_i32(rows, fmt::format("second row count of the {} (equal to the row count)", name));
    const int32_t columns = count_field(in, fmt::format("the column count of the {}", name));
    table.rows = static_cast<uint64_t>(rows);
    std::set<std::string> names;
    for (int32_t i = 0; i < columns; ++i) {
        Column column = read_column(in, level, table.rows, strings);
        if (!names.insert(column.name).second) {
            in.fail(column.name_offset,
                    fmt::format("expected distinct column names in the {}, found '{}' twice", name,
                                column.name));
        }
        table.columns.push_back(std::move(column));
    }
    return table;
}

void read_log_properties(MzzInput& in) {
    in.nstr("the first LogProperties string");
    in.expect_bytes(kLogPropertiesRun1, "LogProperties bytes");
    in.i32("the LogProperties int");
    in.expect_bytes(kLogPropertiesRun2, "LogProperties bytes");
    in.nstr("the LogProperties time zone");
    in.expect_bytes(kLogPropertiesRun3, "LogProperties bytes");
}

}  // namespace

size_t Column::rows() const {
    switch (type) {
        case DataType::Float:
            return floats.size();
        case DataType::DateTime:
        case DataType::TimeSpan:
            return large.size();
        default:
            return small.size();
    }
}

bool Column::is_null(size_t row) const {
    if (type == DataType::String) return small[row] < 0;
    return row < nulls.size() && nulls[row];
}

uint64_t Column::value_offset(size_t row) const {
    if (type == DataType::String) return values_offset + 4 * uint64_t{row};
    uint64_t offset = values_offset;
    for (size_t i = 0; i < row; ++i) offset += is_null(i) ? 1 : 1 + value_size(type);
    return offset;
}

File parse_file(MzzInput& in) {
    File file;
    in.expect_i32(kStreamVersion, "stream format version");
    in.expect_u8(0, "header byte");
    in.expect_i32(kHeaderInt, "header int");
    const auto strings = static_cast<size_t>(count_field(in, "the string count"));
    file.strings.reserve(std::min(strings, kMaxReserve));
    for (size_t i = 0; i < strings; ++i) file.strings.push_back(in.str("a string-table entry"));

    in.expect_i32(kTableVersion, "case table version");
    file.case_id_column_offset = in.offset();
    file.case_id_column = in.str("the case-id column name");
    file.cases = read_column_set(in, Level::Case, strings);

    in.expect_i32(kTableVersion, "event table version");
    file.time_column_offset = in.offset();
    file.time_column = in.str("the activity-time column name");
    file.activity_column_offset = in.offset();
    file.activity_column = in.str("the activity column name");
    file.resource_column_offset = in.offset();
    file.resource_column = in.nstr("the resource column name");
    file.start_time_column_offset = in.offset();
    file.start_time_column = in.nstr("the start-time column name");
    in.expect_u8(0, "event table header byte 1");
    in.expect_u8(0, "event table header byte 2");
    file.events = read_column_set(in, Level::Event, strings);

    read_log_properties(in);
    in.expect_i32(kTableVersion, "conformance table version");
    read_column_set(in, Level::Conformance, strings);

    if (!in.null_flag("the freeze time")) file.freeze_time = date_time(in, "the freeze time");
    in.expect_i32(kTrailerInt, "trailer int");
    in.expect_bytes(kTrailerRun, "trailer bytes");
    in.expect_end();
    return file;
}

}  // namespace pmstudio::importers::mzz
