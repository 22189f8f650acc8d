#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "mining/state_column.h"
#include "mining/time_units.h"

namespace pmstudio::mining {

// The aggregate Function enumeration of operators.md.
enum class AggregateFunction {
    Count = 1,
    Sum = 2,
    Min = 3,
    Mean = 4,
    Median = 5,
    Max = 6,
    StdDev = 7,
    DistinctCount = 8,
    Percent = 9,
};

// What one aggregate gathered over a group of rows (cases or events).
struct Sample {
    uint64_t rows = 0;                         // rows added, with or without a value
    uint64_t values = 0;                       // non-null values
    uint64_t truthy = 0;                       // values that hold (StateColumn::truthy)
    std::vector<double> numbers;               // Sum ... StdDev
    std::unordered_set<std::string> distinct;  // DistinctCount
};

// An aggregate of operators.md: a Function of a value column (timespans in a time unit), or of the
// rows themselves when no column is named. Count counts the rows (with a column: its non-null
// values); Sum, Min, Mean, Median, Max and StdDev (the sample standard deviation) take numeric,
// boolean (0/1) and timespan columns; DistinctCount counts distinct values; Percent is the share
// of values that hold (true, non-zero, non-empty text; without a column: the rows as a share of a
// base count), times 100.
class Aggregate {
public:
    // `column` empty: the rows. Throws OperatorError naming `setting` for an unknown column, a
    // missing one, or a column type the function cannot take.
    Aggregate(const AnalysisState& state, AggregateFunction function, std::string_view column,
              TimeUnit unit, std::string_view setting);
    // The aggregate given by settings Function, ValueColumnName and TimespanAggregateDurationType
    // (or the keys given).
    static Aggregate from_settings(const AnalysisState& state, const OperatorSettings& settings,
                                   std::string_view function_key = "Function",
                                   std::string_view column_key = "ValueColumnName");

    const std::optional<StateColumn>& column() const { return column_; }

    // Adds kept case c at `position` of the state's view as one row: its value, or for an
    // event-level column the values of its kept events.
    void add_case(Sample& sample, size_t position, uint32_t c) const;
    // Adds event e of kept case c as one row: the event's value, or its case's value.
    void add_event(Sample& sample, size_t position, uint32_t c, uint32_t e) const;
    // Every kept case of the view, each as one row.
    Sample sample_cases() const;
    // nullopt when undefined (the mean of nothing, a percent of a base of 0, ...). `base`: the
    // rows Percent relates to when there is no column.
    std::optional<double> result(const Sample& sample, uint64_t base) const;
    // "Count", or "<Function> of <column>".
    std::string title() const;

private:
    void add_value(Sample& sample, size_t row) const;

    eventlog::LogView view_;
    AggregateFunction function_;
    std::optional<StateColumn> column_;
    TimeUnit unit_;
};

}  // namespace pmstudio::mining
