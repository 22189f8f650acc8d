#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "eventlog/column.h"
#include "eventlog/log_view.h"

namespace pmstudio::mining {

struct AnalysisState;

// A column that a setting may name (operators.md, "Column names a setting may refer to"), resolved
// against a view without copying the log's data: the mapped roles under their source column
// names (case id, activity, timestamp, resource, start time), case and event attribute columns,
// and "~calc~" attributes, computed for the view.
class ViewColumn {
public:
    // nullopt when the view's log has no column of that name.
    static std::optional<ViewColumn> resolve(const eventlog::LogView& view, std::string_view name);
    // The same over an analysis state: the attributes enrichment operators derived come first
    // (case-level, a row per case index), then the columns of its view. The column refers to the
    // state's data: keep the state alive while using it.
    static std::optional<ViewColumn> resolve(const AnalysisState& state, std::string_view name);

    bool event_level() const { return event_level_; }
    eventlog::ValueType type() const { return type_; }
    // The row of a case-level column for the kept case at `position` (case index c).
    size_t case_row(size_t position, uint32_t c) const { return by_position_ ? position : c; }

    bool is_null(size_t row) const;
    // String columns with a dictionary (all but the case id): the row's code, and the dictionary.
    bool has_dictionary() const { return coded_; }
    uint32_t code(size_t row) const { return codes_[row]; }
    std::span<const std::string> dictionary() const { return dictionary_; }
    // Boolean, Integer, DateTime (microseconds since 1970 UTC), TimeSpan (microseconds).
    int64_t int_value(size_t row) const { return ints_[row]; }
    double double_value(size_t row) const { return doubles_[row]; }
    // The canonical text of the value, "" for null.
    std::string text(size_t row) const;

private:
    ViewColumn() = default;
    static ViewColumn of_column(const eventlog::Column& column, bool event_level);

    bool event_level_ = false;
    bool by_position_ = false;
    bool coded_ = false;
    eventlog::ValueType type_ = eventlog::ValueType::String;
    std::span<const uint32_t> codes_;
    std::span<const std::string> dictionary_;
    std::span<const std::string> texts_;  // the case ids
    std::span<const int64_t> ints_;
    std::span<const double> doubles_;
    const eventlog::Column* nulls_of_ = nullptr;  // the attribute column whose bitmap applies
    uint32_t null_code_ = eventlog::kNoResource;  // the resource role's null
    int64_t null_int_ = eventlog::kNoTime;        // the start time role's null
    std::shared_ptr<const eventlog::Column> calculated_;  // owns a ~calc~ column's values
};

}  // namespace pmstudio::mining
