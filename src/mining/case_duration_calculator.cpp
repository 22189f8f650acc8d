#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "common/text.h"
#include "eventlog/time_format.h"
#include "eventlog/view_scan.h"
#include "mining/calculators.h"
#include "mining/case_durations.h"
#include "mining/operator_inputs.h"
#include "mining/operator_registry.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// TimeUnit codes 0 Milliseconds ... 7 Years, in microseconds; a year is the Gregorian average of
// 365.2425 days, a month a twelfth of it.
constexpr double kDayMicros = 86'400e6;
constexpr double kYearMicros = 365.2425 * kDayMicros;
constexpr std::array<double, 8> kUnitMicros = {
    1e3, 1e6, 60e6, 3'600e6, kDayMicros, 7 * kDayMicros, kYearMicros / 12, kYearMicros};

// Seconds in the unit (given in microseconds).
double in_unit(double seconds, double unit) {
    return seconds * static_cast<double>(eventlog::kMicrosPerSecond) / unit;
}

enum class Aggregate { Count = 1, Sum, Min, Mean, Median, Max, StdDev, DistinctCount, Percent };

// The Studio code of an enumerated setting; in the simple dialect the word that is the value's
// name ignoring case (hours = Hours), "average" standing for Mean.
int64_t studio_code(const OperatorSettings& settings, std::string_view key,
                    std::string_view enumeration) {
    if (!settings.simple()) return *settings.integer(key);
    const std::string word = *settings.text(key);
    const std::string_view name = iequals(word, "average") ? "Mean" : std::string_view(word);
    for (const Json& value : *find_enumeration(enumeration)) {
        if (iequals(value.at("name").get<std::string>(), name)) {
            return value.at("value").get<int64_t>();
        }
    }
    throw OperatorError(fmt::format("Setting '{}' of {} has an unknown value '{}'", key,
                                    settings.operator_name(), word));
}

// The activity code a setting names; nullopt when not set.
std::optional<uint32_t> optional_activity(const LogView& view, const OperatorSettings& settings,
                                          std::string_view key) {
    const auto name = settings.text(key);
    if (!name || name->empty()) return std::nullopt;
    return activity_setting(view.log(), settings, key);
}

// Per kept case with both activities: from the first occurrence of `start` (else the case's first
// kept event) to the last occurrence of `end` (else its last kept event). Cases lacking either,
// or whose last `end` precedes the first `start`, are left out.
std::vector<int64_t> durations_between(const LogView& view, std::optional<uint32_t> start,
                                       std::optional<uint32_t> end) {
    const uint32_t* activity = view.log().activity.data();
    const int64_t* timestamp = view.log().timestamp.data();
    std::vector<int64_t> out(view.case_count());
    eventlog::scan_case_ranges(
        view, [](size_t) {},
        [&](size_t, size_t first, size_t last) {
            for (size_t p = first; p < last; ++p) {
                int64_t from = eventlog::kNoTime;
                int64_t to = eventlog::kNoTime;
                view.for_each_event(view.cases()[p], [&](uint32_t e) {
                    if (from == eventlog::kNoTime && (!start || activity[e] == *start)) {
                        from = timestamp[e];
                    }
                    if (!end || activity[e] == *end) to = timestamp[e];
                });
                const bool measured = from != eventlog::kNoTime && to != eventlog::kNoTime;
                out[p] = measured && to >= from ? to - from : eventlog::kNoTime;
            }
        });
    std::erase(out, eventlog::kNoTime);
    return out;
}

// The p-th percentile with linear interpolation between the closest ranks (numpy's default);
// reorders `micros` (not empty).
double percentile(std::vector<int64_t>& micros, double p) {
    const double rank = p / 100 * static_cast<double>(micros.size() - 1);
    const auto lower = static_cast<size_t>(rank);
    const auto at = micros.begin() + static_cast<std::ptrdiff_t>(lower);
    std::nth_element(micros.begin(), at, micros.end());
    auto value = static_cast<double>(*at);
    if (lower + 1 < micros.size()) {
        const auto next = static_cast<double>(*std::min_element(at + 1, micros.end()));
        value += (next - value) * (rank - static_cast<double>(lower));
    }
    return value;
}

// The sample standard deviation (n - 1) in seconds, 0 for fewer than two values.
double standard_deviation(const std::vector<int64_t>& micros, double mean_seconds) {
    if (micros.size() < 2) return 0;
    const long double mean = static_cast<long double>(mean_seconds) * eventlog::kMicrosPerSecond;
    long double squares = 0;
    for (int64_t value : micros) {
        const long double deviation = static_cast<long double>(value) - mean;
        squares += deviation * deviation;
    }
    return static_cast<double>(std::sqrt(squares / static_cast<long double>(micros.size() - 1)) /
                               eventlog::kMicrosPerSecond);
}

// The Aggregation figure: counts and Percent (of the view's cases) as they are, durations in
// the unit.
double aggregate(Aggregate function, std::vector<int64_t>& micros,
                 const DurationStatistics& statistics, size_t view_cases, double unit) {
    switch (function) {
        case Aggregate::Count:
            return static_cast<double>(micros.size());
        case Aggregate::Sum: {
            __int128 total = 0;  // exact for any number of any durations
            for (int64_t value : micros) total += value;
            return static_cast<double>(total) / unit;
        }
        case Aggregate::Min:
            return in_unit(statistics.min_seconds, unit);
        case Aggregate::Mean:
            return in_unit(statistics.mean_seconds, unit);
        case Aggregate::Median:
            return in_unit(statistics.median_seconds, unit);
        case Aggregate::Max:
            return in_unit(statistics.max_seconds, unit);
        case Aggregate::StdDev:
            return in_unit(standard_deviation(micros, statistics.mean_seconds), unit);
        case Aggregate::DistinctCount:
            std::sort(micros.begin(), micros.end());
            return static_cast<double>(std::unique(micros.begin(), micros.end()) - micros.begin());
        case Aggregate::Percent:
            return percent(micros.size(), view_cases);
    }
    return 0;
}

// Sturges' rule as numpy's histogram(bins="sturges"): ceil(log2(n) + 1) bins of equal width
// from the shortest to the longest duration, the last bin closed; bounds in the unit.
ResultTable histogram_table(const std::vector<int64_t>& micros, double unit) {
    ResultTable table{.name = "Histogram"};
    table.column("Lower Bound", "double")
        .column("Upper Bound", "double")
        .column("Case Count", "integer");
    if (micros.empty()) return table;
    const auto [min_at, max_at] = std::minmax_element(micros.begin(), micros.end());
    const int64_t min = *min_at;
    const auto range = static_cast<double>(*max_at - min);
    const size_t bins =
        range == 0
            ? 1
            : static_cast<size_t>(std::ceil(std::log2(static_cast<double>(micros.size())) + 1));
    std::vector<uint64_t> counts(bins, 0);
    for (int64_t value : micros) {
        const auto bin = static_cast<size_t>(static_cast<double>(value - min) / range *
                                             static_cast<double>(bins));
        ++counts[std::min(bin, bins - 1)];
    }
    const auto bound = [&](size_t i) {
        return (static_cast<double>(min) +
                range * static_cast<double>(i) / static_cast<double>(bins)) /
               unit;
    };
    for (size_t i = 0; i < bins; ++i) table.add_row({bound(i), bound(i + 1), counts[i]});
    return table;
}

}  // namespace

OperatorOutput case_duration_calculator(const AnalysisState& input,
                                        const OperatorSettings& settings, const OperatorContext&) {
    const LogView& view = input.view;
    const int64_t unit_code = studio_code(settings, "Unit", "TimeUnit");
    const int64_t function_code = studio_code(settings, "Aggregation", "AggregateFunction");
    // Runtime parameters may override validated settings.
    if (unit_code < 0 || unit_code >= static_cast<int64_t>(kUnitMicros.size())) {
        throw OperatorError(fmt::format("Setting 'Unit' of {} must be one of 0..7, got {}",
                                        settings.operator_name(), unit_code));
    }
    if (function_code < 1 || function_code > static_cast<int64_t>(Aggregate::Percent)) {
        throw OperatorError(fmt::format("Setting 'Aggregation' of {} must be one of 1..9, got {}",
                                        settings.operator_name(), function_code));
    }
    const auto function = static_cast<Aggregate>(function_code);
    const double unit = kUnitMicros[static_cast<size_t>(unit_code)];
    const auto start = optional_activity(view, settings, "StartActivity");
    const auto end = optional_activity(view, settings, "EndActivity");
    std::vector<int64_t> micros =
        start || end ? durations_between(view, start, end) : input.figures->case_durations().micros;

    ResultTable histogram = histogram_table(micros, unit);
    const DurationStatistics statistics = duration_statistics(micros);
    const double p90 = micros.empty() ? 0 : percentile(micros, 90) / unit;
    const double p95 = micros.empty() ? 0 : percentile(micros, 95) / unit;
    ResultTable table{.name = "Statistics"};
    table.column("Name", "string").column("Value", "double");
    table.add_row({"Count", static_cast<double>(statistics.count)});
    table.add_row({"Mean", in_unit(statistics.mean_seconds, unit)});
    table.add_row({"Median", in_unit(statistics.median_seconds, unit)});
    table.add_row({"Min", in_unit(statistics.min_seconds, unit)});
    table.add_row({"Max", in_unit(statistics.max_seconds, unit)});
    table.add_row({"P90", p90});
    table.add_row({"P95", p95});
    table.add_row({"Aggregate", aggregate(function, micros, statistics, view.case_count(), unit)});
    std::vector<ResultTable> tables;
    tables.push_back(std::move(table));
    tables.push_back(std::move(histogram));
    return tables_output(std::move(tables));
}

}  // namespace pmstudio::mining
