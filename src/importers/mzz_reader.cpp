#include "importers/mzz_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "eventlog/event_log_builder.h"
#include "importers/mzz_file.h"
#include "importers/mzz_input.h"

namespace pmstudio::importers {
namespace {

using mzz::DataType;
using mzz::File;
using mzz::Table;

constexpr std::string_view kInternalCaseId = "InternalCaseId";
constexpr std::string_view kInternalEventIndex = "InternalEventIndex";
constexpr uint32_t kNoCase = std::numeric_limits<uint32_t>::max();

std::string_view type_name(DataType type) {
    switch (type) {
        case DataType::String:
            return "string";
        case DataType::Int32:
            return "int32";
        case DataType::DateTime:
            return "DateTime";
        case DataType::Boolean:
            return "bool";
        case DataType::Float:
            return "float";
        case DataType::TimeSpan:
            return "TimeSpan";
    }
    return "unknown";
}

eventlog::ValueType value_type(DataType type) {
    switch (type) {
        case DataType::String:
            return eventlog::ValueType::String;
        case DataType::Int32:
            return eventlog::ValueType::Integer;
        case DataType::DateTime:
            return eventlog::ValueType::DateTime;
        case DataType::Boolean:
            return eventlog::ValueType::Boolean;
        case DataType::Float:
            return eventlog::ValueType::Double;
        case DataType::TimeSpan:
            return eventlog::ValueType::TimeSpan;
    }
    return eventlog::ValueType::String;
}

// The double a float32 stands for: its shortest decimal form (36.7F is 36.7, not
// 36.70000076293945), which is what mindzie shows and what the source file said.
double float_value(float value) {
    if (!std::isfinite(value)) return static_cast<double>(value);
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    double out = 0;
    std::from_chars(text, written.ptr, out);
    return out;
}

const mzz::Column* find_column(const Table& table, std::string_view name) {
    for (const auto& column : table.columns) {
        if (column.name == name) return &column;
    }
    return nullptr;
}

[[noreturn]] void fail(uint64_t at, const std::string& problem) {
    throw MzzFormatError(at, problem);
}

void require_type(const mzz::Column& column, DataType type, std::string_view role) {
    if (column.type != type) {
        fail(column.type_offset,
             fmt::format("expected the {} column '{}' to be of type {}, found {}", role,
                         column.name, type_name(type), type_name(column.type)));
    }
}

void require_internal(const mzz::Column& column, bool internal, std::string_view role) {
    if (column.internal != internal) {
        fail(column.meta_offset,
             fmt::format("expected the {} column '{}' to have isInternal {}, "
                         "found {}",
                         role, column.name, internal ? 1 : 0, column.internal ? 1 : 0));
    }
}

void require_values(const mzz::Column& column, std::string_view role) {
    for (size_t row = 0; row < column.rows(); ++row) {
        if (column.is_null(row)) {
            fail(column.value_offset(row),
                 fmt::format("expected a value in every row of the {} column '{}', found null in "
                             "row {}",
                             role, column.name, row));
        }
    }
}

// A column the event table header names (absent name: none), of that type and not internal.
const mzz::Column* role_column(const Table& events, const std::optional<std::string>& name,
                               uint64_t name_offset, DataType type, std::string_view role) {
    if (!name) return nullptr;
    const mzz::Column* column = find_column(events, *name);
    if (column == nullptr) {
        fail(name_offset, fmt::format("expected the event table to have the {} column '{}' its "
                                      "header names, found no such column",
                                      role, *name));
    }
    require_type(*column, type, role);
    require_internal(*column, false, role);
    return column;
}

const mzz::Column& internal_column(const Table& events, std::string_view name) {
    const mzz::Column* column = find_column(events, name);
    if (column == nullptr) {
        fail(events.offset,
             fmt::format("expected an internal column '{}' in the event table, found none", name));
    }
    require_type(*column, DataType::Int32, "internal");
    require_internal(*column, true, "internal");
    require_values(*column, "internal");
    return *column;
}

// The case-id column: the first column of the case table, named by its header, with distinct
// non-null string values.
const mzz::Column& case_id_column(const File& file) {
    const Table& cases = file.cases;
    if (cases.columns.empty() || cases.columns.front().name != file.case_id_column) {
        fail(cases.columns.empty() ? cases.offset : cases.columns.front().name_offset,
             fmt::format("expected the case-id column '{}' first in the case table, found {}",
                         file.case_id_column,
                         cases.columns.empty() ? std::string("no columns")
                                               : "'" + cases.columns.front().name + "'"));
    }
    const mzz::Column& column = cases.columns.front();
    require_type(column, DataType::String, "case-id");
    require_internal(column, false, "case-id");
    require_values(column, "case-id");
    return column;
}

// Joins events to cases: InternalCaseId holds the string index of the event's case id. Every
// value must name a case, every case must have events, and the events must be grouped by case in
// case-table order (so a case's number in order of first appearance is its case-table row).
// Returns the case row of each string index (kNoCase for strings that are no case id).
std::vector<uint32_t> join_events(const File& file, const mzz::Column& case_ids,
                                  const mzz::Column& internal_case_id) {
    std::vector<uint32_t> case_of_string(file.strings.size(), kNoCase);
    for (size_t row = 0; row < case_ids.rows(); ++row) {
        uint32_t& entry = case_of_string[static_cast<size_t>(case_ids.small[row])];
        if (entry != kNoCase) {
            fail(case_ids.value_offset(row),
                 fmt::format("expected distinct case ids, found '{}' in case rows {} and {}",
                             file.strings[case_ids.small[row]], entry, row));
        }
        entry = static_cast<uint32_t>(row);
    }
    std::vector<uint64_t> events_of_case(case_ids.rows(), 0);
    for (size_t row = 0; row < internal_case_id.rows(); ++row) {
        const int32_t index = internal_case_id.small[row];
        const uint32_t case_row = index >= 0 && static_cast<size_t>(index) < file.strings.size()
                                      ? case_of_string[static_cast<size_t>(index)]
                                      : kNoCase;
        if (case_row == kNoCase) {
            fail(internal_case_id.value_offset(row),
                 fmt::format("expected the InternalCaseId of event row {} to be the string index "
                             "of a case id, found {}",
                             row, index));
        }
        ++events_of_case[case_row];
    }
    for (size_t row = 0; row < events_of_case.size(); ++row) {
        if (events_of_case[row] == 0) {
            fail(case_ids.value_offset(row),
                 fmt::format("expected events for every case, found none for case '{}' (case row "
                             "{})",
                             file.strings[case_ids.small[row]], row));
        }
    }
    uint32_t current = 0;
    for (size_t row = 0; row < internal_case_id.rows(); ++row) {
        const uint32_t case_row = case_of_string[internal_case_id.small[row]];
        const bool in_order =
            row == 0 ? case_row == 0 : case_row == current || case_row == current + 1;
        if (!in_order) {
            fail(internal_case_id.value_offset(row),
                 fmt::format("expected the events grouped by case in case-table order, found "
                             "event row {} of case '{}' (case row {}) {}",
                             row, file.strings[case_ids.small[case_row]], case_row,
                             row == 0 ? std::string("first")
                                      : fmt::format("after one of case row {}", current)));
        }
        current = case_row;
    }
    return case_of_string;
}

void check_event_index(const Table& events) {
    const mzz::Column* index = find_column(events, kInternalEventIndex);
    if (index == nullptr) return;
    internal_column(events, kInternalEventIndex);
    for (size_t row = 0; row < index->rows(); ++row) {
        if (static_cast<int64_t>(index->small[row]) != static_cast<int64_t>(row) + 1) {
            fail(index->value_offset(row),
                 fmt::format("expected InternalEventIndex {} in event row {}, found {}", row + 1,
                             row, index->small[row]));
        }
    }
}

void set_value(eventlog::ColumnBuilder& target, size_t target_row, const mzz::Column& column,
               size_t row, const std::vector<std::string>& strings) {
    if (column.is_null(row)) return;
    switch (column.type) {
        case DataType::String:
            return target.set_string(target_row, strings[column.small[row]]);
        case DataType::Int32:
            return target.set_integer(target_row, column.small[row]);
        case DataType::Boolean:
            return target.set_boolean(target_row, column.small[row] != 0);
        case DataType::Float:
            return target.set_double(target_row, float_value(column.floats[row]));
        case DataType::DateTime:
            return target.set_datetime(target_row, column.large[row]);
        case DataType::TimeSpan:
            return target.set_timespan(target_row, column.large[row]);
    }
}

void mark_derived(const Table& table, std::vector<eventlog::Column>& columns) {
    for (const auto& source : table.columns) {
        if (!source.derived_name || source.internal) continue;
        for (auto& column : columns) {
            if (column.name == source.name) column.derived = true;
        }
    }
}

eventlog::EventLog assemble(const File& file) {
    const mzz::Column& case_ids = case_id_column(file);
    const mzz::Column& internal_case_id = internal_column(file.events, kInternalCaseId);
    check_event_index(file.events);
    const mzz::Column* activity =
        role_column(file.events, file.activity_column, file.activity_column_offset,
                    DataType::String, "activity");
    const mzz::Column* time = role_column(file.events, file.time_column, file.time_column_offset,
                                          DataType::DateTime, "activity-time");
    require_values(*activity, "activity");
    require_values(*time, "activity-time");
    const mzz::Column* resource =
        role_column(file.events, file.resource_column, file.resource_column_offset,
                    DataType::String, "resource");
    const mzz::Column* start =
        role_column(file.events, file.start_time_column, file.start_time_column_offset,
                    DataType::DateTime, "start-time");
    const std::vector<uint32_t> case_of_string = join_events(file, case_ids, internal_case_id);

    const auto& strings = file.strings;
    eventlog::EventLogBuilder builder(resource != nullptr, start != nullptr);
    for (size_t row = 0; row < file.events.rows; ++row) {
        const uint32_t case_row = case_of_string[internal_case_id.small[row]];
        std::optional<int64_t> start_time;
        if (start != nullptr && !start->is_null(row)) start_time = start->large[row];
        std::optional<std::string_view> resource_name;
        if (resource != nullptr && !resource->is_null(row)) {
            resource_name = strings[resource->small[row]];
        }
        builder.add_event(strings[case_ids.small[case_row]], strings[activity->small[row]],
                          time->large[row], start_time, resource_name);
    }
    for (const auto& column : file.cases.columns) {
        if (&column == &case_ids || column.internal) continue;
        auto& target = builder.case_attribute(builder.case_attribute_index(column.name));
        target.fix_type(value_type(column.type));
        for (size_t row = 0; row < column.rows(); ++row)
            set_value(target, row, column, row, strings);
    }
    for (const auto& column : file.events.columns) {
        if (column.internal || &column == activity || &column == time || &column == resource ||
            &column == start) {
            continue;
        }
        auto& target = builder.attribute(column.name, eventlog::AttributeLevel::Event);
        target.fix_type(value_type(column.type));
        for (size_t row = 0; row < column.rows(); ++row)
            set_value(target, row, column, row, strings);
    }

    eventlog::EventLogMetadata metadata;
    metadata.case_id_column = file.case_id_column;
    metadata.activity_column = file.activity_column;
    metadata.timestamp_column = file.time_column;
    metadata.resource_column = file.resource_column.value_or("");
    metadata.start_time_column = file.start_time_column.value_or("");
    metadata.source_format = "mzz";
    metadata.freeze_time = file.freeze_time.value_or(eventlog::kNoTime);
    eventlog::EventLog log = builder.finish(std::move(metadata));
    mark_derived(file.cases, log.case_attributes);
    mark_derived(file.events, log.event_attributes);
    return log;
}

}  // namespace

MzzFormatError::MzzFormatError(uint64_t offset, const std::string& problem)
    : std::runtime_error(fmt::format("mzz offset 0x{:04X}: {}", offset, problem)),
      offset_(offset),
      problem_(problem) {}

eventlog::EventLog read_mzz(const std::filesystem::path& file) {
    MzzInput input(file);
    return assemble(mzz::parse_file(input));
}

}  // namespace pmstudio::importers
