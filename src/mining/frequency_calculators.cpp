#include <fmt/format.h>

#include <array>
#include <functional>
#include <limits>
#include <map>
#include <unordered_set>

#include "common/text.h"
#include "eventlog/time_format.h"
#include "mining/calculators.h"
#include "mining/frequencies.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// What the simple dialect's `metric` counts: events (count, the default) or distinct cases.
enum class Metric { Events, Cases };

Metric metric_of(const OperatorSettings& settings) {
    const auto metric = settings.text("metric");
    return metric && iequals(*metric, "caseCount") ? Metric::Cases : Metric::Events;
}

const char* metric_column(Metric metric) {
    return metric == Metric::Cases ? "Case Count" : "Count";
}

// The simple dialect's `timeWindow`: periods of the Period breakdown.
enum class Window { Day, Week, Month, Quarter, Year };

std::optional<Window> window_of(const OperatorSettings& settings) {
    const auto window = settings.text("timeWindow");
    if (!window) return std::nullopt;
    static constexpr std::array<std::pair<const char*, Window>, 5> kWindows = {{
        {"daily", Window::Day},
        {"weekly", Window::Week},
        {"monthly", Window::Month},
        {"quarterly", Window::Quarter},
        {"yearly", Window::Year},
    }};
    for (const auto& [name, value] : kWindows) {
        if (iequals(*window, name)) return value;
    }
    throw OperatorError(
        fmt::format("Setting 'timeWindow' of {} must be one of daily, weekly, "
                    "monthly, quarterly, yearly, got '{}'",
                    settings.operator_name(), *window));
}

int64_t floor_div(int64_t a, int64_t b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// The number of the period (of the UTC calendar) an instant falls in.
int64_t period_of(int64_t micros, Window window) {
    const int64_t day = floor_div(micros, eventlog::kMicrosPerDay);
    if (window == Window::Day) return day;
    // Weeks start on Monday; 1970-01-01 was a Thursday.
    if (window == Window::Week) return floor_div(day + 3, 7);
    const eventlog::CivilDate date = eventlog::civil_date(micros);
    if (window == Window::Month) return date.year * 12 + date.month - 1;
    if (window == Window::Quarter) return date.year * 4 + (date.month - 1) / 3;
    return date.year;
}

// 2024-07-15 (a day, or the Monday of a week), 2024-07, 2024 Q3 or 2024 (as ~calc~CaseStartMonth,
// CaseStartQuarter and CaseStartYear show them).
std::string period_label(int64_t period, Window window) {
    switch (window) {
        case Window::Day:
        case Window::Week: {
            const int64_t day = window == Window::Day ? period : period * 7 - 3;
            const eventlog::CivilDate date = eventlog::civil_date(day * eventlog::kMicrosPerDay);
            return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
        }
        case Window::Month:
            return fmt::format("{:04}-{:02}", floor_div(period, 12),
                               period - floor_div(period, 12) * 12 + 1);
        case Window::Quarter:
            return fmt::format("{:04} Q{}", floor_div(period, 4),
                               period - floor_div(period, 4) * 4 + 1);
        case Window::Year:
            break;
    }
    return fmt::format("{:04}", period);
}

// The Periods table: per period (by event timestamp) and code, the events or distinct cases;
// periods in time order, each most frequent first. Codes >= names.size() (no resource) are
// skipped.
ResultTable periods_table(const LogView& view, const std::vector<uint32_t>& codes,
                          const std::vector<std::string>& names, const std::string& label,
                          Window window, Metric metric) {
    struct Cells {
        explicit Cells(size_t size) : events(size, 0), cases(size, 0), last_case(size, 0) {}
        std::vector<uint64_t> events;
        std::vector<uint64_t> cases;
        std::vector<size_t> last_case;  // per code: position + 1 of the last case counted
    };
    ResultTable table{.name = "Periods"};
    table.column("Period", "string")
        .column(label, "string")
        .column(metric_column(metric), "integer");
    std::map<int64_t, Cells> periods;
    if (codes.empty()) return table;  // a log without resources
    int64_t current_period = std::numeric_limits<int64_t>::min();
    Cells* current = nullptr;
    const int64_t* timestamp = view.log().timestamp.data();
    for (size_t p = 0; p < view.case_count(); ++p) {
        view.for_each_event(view.cases()[p], [&](uint32_t e) {
            const uint32_t code = codes[e];
            if (code >= names.size()) return;
            const int64_t period = period_of(timestamp[e], window);
            if (current == nullptr || period != current_period) {
                current = &periods.try_emplace(period, names.size()).first->second;
                current_period = period;
            }
            ++current->events[code];
            if (current->last_case[code] != p + 1) {
                ++current->cases[code];
                current->last_case[code] = p + 1;
            }
        });
    }
    for (const auto& [period, cells] : periods) {
        const std::vector<uint64_t>& values = metric == Metric::Cases ? cells.cases : cells.events;
        const std::string period_text = period_label(period, window);
        for (uint32_t code : most_frequent_first(values)) {
            table.add_row({period_text, names[code], values[code]});
        }
    }
    return table;
}

// Per resource code: the distinct activities of its kept events.
std::vector<uint64_t> activities_per_resource(const LogView& view) {
    const eventlog::EventLog& log = view.log();
    std::vector<uint64_t> out(log.resources.size(), 0);
    if (!log.has_resource()) return out;
    std::unordered_set<uint64_t> pairs;  // resource << 32 | activity
    // Most events repeat a pair seen shortly before: a small direct-mapped cache of recent pairs
    // spares the set those look-ups.
    std::array<uint64_t, 4096> recent{};
    recent.fill(std::numeric_limits<uint64_t>::max());
    for (uint32_t c : view.cases()) {
        view.for_each_event(c, [&](uint32_t e) {
            const uint32_t resource = log.resource[e];
            if (resource == eventlog::kNoResource) return;
            const uint64_t pair = uint64_t{resource} << 32 | log.activity[e];
            uint64_t& slot = recent[(pair * 0x9E3779B97F4A7C15ULL) >> 52];
            if (slot == pair) return;
            slot = pair;
            if (pairs.insert(pair).second) ++out[resource];
        });
    }
    return out;
}

// A frequency table (activities or resources: the dictionary `names`, `codes` per event) with
// Count, Case Count and a last column of the caller's; the Periods breakdown with a timeWindow.
struct FrequencyTable {
    const char* name;
    std::string label;  // the first column: the dataset's column name
    const std::vector<uint32_t>& codes;
    const std::vector<std::string>& names;
    const CodeFrequencies& frequencies;
    ResultColumn last_column;
    std::function<Json(uint32_t code)> last_cell;
};

OperatorOutput frequency_output(const LogView& view, const OperatorSettings& settings,
                                const FrequencyTable& source) {
    const Metric metric = metric_of(settings);
    const CodeFrequencies& frequencies = source.frequencies;
    ResultTable table{.name = source.name};
    table.column(source.label, "string")
        .column("Count", "integer")
        .column("Case Count", "integer")
        .column(source.last_column.name, source.last_column.type);
    for (uint32_t code :
         most_frequent_first(metric == Metric::Cases ? frequencies.cases : frequencies.events,
                             row_limit(settings, "MaxRows"))) {
        table.add_row({source.names[code], frequencies.events[code], frequencies.cases[code],
                       source.last_cell(code)});
    }
    std::vector<ResultTable> tables;
    tables.push_back(std::move(table));
    if (const auto window = window_of(settings)) {
        tables.push_back(
            periods_table(view, source.codes, source.names, source.label, *window, metric));
    }
    return tables_output(std::move(tables));
}

}  // namespace

OperatorOutput activity_frequency_calculator(const AnalysisState& input,
                                             const OperatorSettings& settings,
                                             const OperatorContext&) {
    const LogView& view = input.view;
    const eventlog::EventLog& log = view.log();
    const CodeFrequencies& frequencies = input.figures->activity_frequencies();
    return frequency_output(
        view, settings,
        {"Activities",
         log.metadata.activity_column,
         log.activity,
         log.activities,
         frequencies,
         {"Percent Of Cases", "double"},
         [&](uint32_t code) { return percent(frequencies.cases[code], view.case_count()); }});
}

OperatorOutput resource_frequency_calculator(const AnalysisState& input,
                                             const OperatorSettings& settings,
                                             const OperatorContext&) {
    const LogView& view = input.view;
    const eventlog::EventLog& log = view.log();
    const CodeFrequencies& frequencies = input.figures->resource_frequencies();
    const std::vector<uint64_t> activities = activities_per_resource(view);
    return frequency_output(
        view, settings,
        {"Resources",
         log.metadata.resource_column.empty() ? "Resource" : log.metadata.resource_column,
         log.resource,
         log.resources,
         frequencies,
         {"Activities", "integer"},
         [&](uint32_t code) { return activities[code]; }});
}

}  // namespace pmstudio::mining
