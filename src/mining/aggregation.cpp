#include "mining/aggregation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mining/operator_registry.h"

namespace pmstudio::mining {
namespace {

using eventlog::ValueType;

std::string function_name(AggregateFunction function) {
    for (const auto& value : *find_enumeration("AggregateFunction")) {
        if (value.at("value") == static_cast<int>(function)) return value.at("name");
    }
    return std::to_string(static_cast<int>(function));
}

bool numeric_function(AggregateFunction function) {
    return function != AggregateFunction::Count && function != AggregateFunction::DistinctCount &&
           function != AggregateFunction::Percent;
}

bool numeric_type(ValueType type) {
    return type == ValueType::Boolean || type == ValueType::Integer || type == ValueType::Double ||
           type == ValueType::TimeSpan;
}

double median(std::vector<double> numbers) {
    const auto middle = numbers.begin() + static_cast<std::ptrdiff_t>(numbers.size() / 2);
    std::nth_element(numbers.begin(), middle, numbers.end());
    if (numbers.size() % 2 != 0) return *middle;
    return (*middle + *std::max_element(numbers.begin(), middle)) / 2;
}

double sample_standard_deviation(const std::vector<double>& numbers) {
    const double n = static_cast<double>(numbers.size());
    const double mean = std::accumulate(numbers.begin(), numbers.end(), 0.0) / n;
    double squares = 0;
    for (double x : numbers) squares += (x - mean) * (x - mean);
    return std::sqrt(squares / (n - 1));
}

}  // namespace

Aggregate::Aggregate(const AnalysisState& state, AggregateFunction function,
                     std::string_view column, TimeUnit unit, std::string_view setting)
    : view_(state.view), function_(function), unit_(unit) {
    if (function < AggregateFunction::Count || function > AggregateFunction::Percent) {
        throw OperatorError(
            fmt::format("Aggregate function {} does not exist (1..9)", static_cast<int>(function)));
    }
    if (column.empty()) {
        if (function == AggregateFunction::Count || function == AggregateFunction::Percent) return;
        throw OperatorError(
            fmt::format("Function {} needs a value column ({})", function_name(function), setting));
    }
    column_.emplace(state, column, setting);
    if (numeric_function(function) && !numeric_type(column_->type())) {
        throw OperatorError(fmt::format(
            "Function {} needs a numeric or timespan column; '{}' is {}", function_name(function),
            column, eventlog::value_type_name(column_->type())));
    }
}

Aggregate Aggregate::from_settings(const AnalysisState& state, const OperatorSettings& settings,
                                   std::string_view function_key, std::string_view column_key) {
    const auto function =
        static_cast<AggregateFunction>(settings.integer(function_key).value_or(1));
    return {state, function, settings.text(column_key).value_or(""),
            time_unit_setting(settings, "TimespanAggregateDurationType").value_or(TimeUnit::Days),
            column_key};
}

void Aggregate::add_value(Sample& sample, size_t row) const {
    if (column_->is_null(row)) return;
    ++sample.values;
    switch (function_) {
        case AggregateFunction::Count:
            return;
        case AggregateFunction::DistinctCount:
            sample.distinct.insert(column_->text(row));
            return;
        case AggregateFunction::Percent:
            if (column_->truthy(row)) ++sample.truthy;
            return;
        default:
            sample.numbers.push_back(column_->type() == ValueType::TimeSpan
                                         ? in_units(column_->int_value(row), unit_)
                                         : column_->number(row));
    }
}

void Aggregate::add_case(Sample& sample, size_t position, uint32_t c) const {
    ++sample.rows;
    if (!column_) return;
    if (!column_->event_level()) return add_value(sample, column_->case_row(position, c));
    view_.for_each_event(c, [&](uint32_t e) { add_value(sample, e); });
}

void Aggregate::add_event(Sample& sample, size_t position, uint32_t c, uint32_t e) const {
    ++sample.rows;
    if (!column_) return;
    add_value(sample, column_->event_level() ? e : column_->case_row(position, c));
}

Sample Aggregate::sample_cases() const {
    Sample sample;
    const auto& cases = view_.cases();
    for (size_t position = 0; position < cases.size(); ++position) {
        add_case(sample, position, cases[position]);
    }
    return sample;
}

std::optional<double> Aggregate::result(const Sample& sample, uint64_t base) const {
    const auto& numbers = sample.numbers;
    switch (function_) {
        case AggregateFunction::Count:
            return static_cast<double>(column_ ? sample.values : sample.rows);
        case AggregateFunction::DistinctCount:
            return static_cast<double>(sample.distinct.size());
        case AggregateFunction::Percent: {
            const uint64_t part = column_ ? sample.truthy : sample.rows;
            const uint64_t whole = column_ ? sample.values : base;
            if (whole == 0) return std::nullopt;
            return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
        }
        case AggregateFunction::Sum:
            return std::accumulate(numbers.begin(), numbers.end(), 0.0);
        default:
            break;
    }
    if (numbers.empty()) return std::nullopt;
    switch (function_) {
        case AggregateFunction::Min:
            return *std::min_element(numbers.begin(), numbers.end());
        case AggregateFunction::Max:
            return *std::max_element(numbers.begin(), numbers.end());
        case AggregateFunction::Mean:
            return std::accumulate(numbers.begin(), numbers.end(), 0.0) /
                   static_cast<double>(numbers.size());
        case AggregateFunction::Median:
            return median(numbers);
        default:  // StdDev
            if (numbers.size() < 2) return std::nullopt;
            return sample_standard_deviation(numbers);
    }
}

std::string Aggregate::title() const {
    if (!column_) return function_name(function_);
    return fmt::format("{} of {}", function_name(function_), column_->name());
}

}  // namespace pmstudio::mining
