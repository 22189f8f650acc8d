#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eventlog/column.h"
#include "mining/analysis_state.h"
#include "mining/operator_settings.h"
#include "mining/view_column.h"

namespace pmstudio::mining {

// A column that a setting names, resolved against an analysis state (ViewColumn::resolve: an
// attribute an enrichment operator derived earlier in the chain, else the mapped roles, dataset
// attributes and ~calc~ attributes), with the value conversions the analysis calculators share.
class StateColumn {
public:
    // Throws OperatorError "Column 'X' of setting S does not exist" when neither has it.
    StateColumn(const AnalysisState& state, std::string_view name, std::string_view setting);

    const std::string& name() const { return name_; }
    bool event_level() const { return view_column_->event_level(); }
    eventlog::ValueType type() const;
    // The row of the kept case at `position` (case index c) of a case-level column.
    size_t case_row(size_t position, uint32_t c) const;
    bool is_null(size_t row) const;
    // Boolean, Integer, DateTime (microseconds since 1970), TimeSpan (microseconds) and Double
    // values as a number.
    double number(size_t row) const;
    int64_t int_value(size_t row) const;
    std::string text(size_t row) const;
    // Whether a value holds: not null, and non-zero or (text) neither empty, "false" nor "0".
    bool truthy(size_t row) const;
    // The value as a result-table cell of result_type(): null, text, number, boolean, ISO 8601
    // date-time or timespan seconds.
    Json cell(size_t row) const;
    const char* result_type() const;

    // The row holding kept case c's value: its case row, or for an event-level column its last
    // kept event with a value (the case's current value); nullopt when there is none.
    std::optional<size_t> current_row(const eventlog::LogView& view, size_t position,
                                      uint32_t c) const;
    // Whether the value holds (truthy) for kept case c: its case value, or for an event-level
    // column any of its kept events' values (e.g. a conformance issue flag).
    bool holds_for_case(const eventlog::LogView& view, size_t position, uint32_t c) const;

private:
    std::string name_;
    std::optional<ViewColumn> view_column_;
};

}  // namespace pmstudio::mining
