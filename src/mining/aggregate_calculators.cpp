// Calculators built on one aggregate (aggregation.h): rate, trend, value over time and pivot.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eventlog/time_format.h"
#include "mining/activity_names.h"
#include "mining/aggregation.h"
#include "mining/analysis_calculator_parts.h"
#include "mining/filter_list.h"
#include "mining/operator_registry.h"
#include "mining/result_cells.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using eventlog::ValueType;

// FirstOrLast: 1 First, 2 Last.
bool selects_last(const OperatorSettings& settings, std::string_view key) {
    return settings.integer(key).value_or(1) == 2;
}

// The first (or last) kept event of case c for which pick(event) holds.
template <class Pick>
std::optional<uint32_t> pick_event(const LogView& view, uint32_t c, bool last, Pick&& pick) {
    std::optional<uint32_t> found;
    view.for_each_event(c, [&](uint32_t e) {
        if ((last || !found) && pick(e)) found = e;
    });
    return found;
}

// The kept events of an activity the log may lack.
auto activity_is(const eventlog::EventLog& log, std::string_view name) {
    return [&log, code = activity_code(log, name)](uint32_t e) {
        return code && log.activity[e] == *code;
    };
}

// ---- CalculatorRate ----

OperatorOutput rate(const AnalysisState& input, const OperatorSettings& settings,
                    const OperatorContext& context) {
    const AnalysisState passing =
        apply_filter_list(input, settings.json("FilterListSettings"), context);
    const Aggregate aggregate = Aggregate::from_settings(passing, settings);
    const size_t total = input.view.case_count();
    const size_t count = passing.view.case_count();
    const std::optional<double> percent =
        total == 0 ? std::nullopt
                   : std::optional<double>(100.0 * static_cast<double>(count) /
                                           static_cast<double>(total));
    return tables_output({values_table(
        {{"Percent", number_cell(percent)},
         {"Count", count},
         {"Total", total},
         {"Aggregate", number_cell(aggregate.result(aggregate.sample_cases(), total))}})});
}

// ---- CalculatorTrend ----

// One row of one group: the aggregate's sample and the group's cases in that row.
struct TrendCell {
    Sample sample;
    uint64_t cases = 0;
};

struct TrendGroup {
    TrendCell all;
    std::map<std::string, TrendCell> by_breakdown;
};

// TrendType 1 aggregates the group's cases; TrendType 2 the first (or last) occurrence of
// ValueActivityName in each case, leaving out the cases without it.
TrendGroup trend_group(const AnalysisState& group, const Aggregate& aggregate,
                       const OperatorSettings& settings) {
    const LogView& view = group.view;
    std::optional<StateColumn> breakdown;
    if (const auto name = settings.text("BreakdownAttributeName")) {
        breakdown.emplace(group, *name, "BreakdownAttributeName");
        if (breakdown->event_level()) {
            throw OperatorError(fmt::format(
                "Column '{}' of setting BreakdownAttributeName must be a case attribute", *name));
        }
    }
    const bool by_activity = settings.integer("TrendType").value_or(1) == 2;
    const std::string activity =
        by_activity ? settings.require("ValueActivityName").get<std::string>() : "";
    const auto is_activity = activity_is(view.log(), activity);
    const bool last = selects_last(settings, "ActivitySelection");

    TrendGroup out;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        std::vector<TrendCell*> cells = {&out.all};
        if (breakdown) {
            cells.push_back(&out.by_breakdown[breakdown->text(breakdown->case_row(position, c))]);
        }
        const auto event = by_activity ? pick_event(view, c, last, is_activity) : std::nullopt;
        for (TrendCell* cell : cells) {
            ++cell->cases;
            if (!by_activity) {
                aggregate.add_case(cell->sample, position, c);
            } else if (event) {
                aggregate.add_event(cell->sample, position, c, *event);
            }
        }
    }
    return out;
}

Json trend_row(const std::string& label, const Aggregate& aggregate1, const TrendCell& cell1,
               const Aggregate& aggregate2, const TrendCell& cell2, bool increase_good) {
    const auto value1 = aggregate1.result(cell1.sample, cell1.cases);
    const auto value2 = aggregate2.result(cell2.sample, cell2.cases);
    const TrendChange change = trend_change(value1, value2, increase_good);
    return {label,
            number_cell(value1),
            number_cell(value2),
            number_cell(change.change),
            number_cell(change.percent),
            change.good ? Json(*change.good) : Json(),
            cell1.cases,
            cell2.cases};
}

OperatorOutput trend(const AnalysisState& input, const OperatorSettings& settings,
                     const OperatorContext& context) {
    const AnalysisState group1 =
        apply_filter_list(input, settings.json("FilterListSettings1"), context);
    const AnalysisState group2 =
        apply_filter_list(input, settings.json("FilterListSettings2"), context);
    const Aggregate aggregate1 = Aggregate::from_settings(group1, settings);
    const Aggregate aggregate2 = Aggregate::from_settings(group2, settings);
    const TrendGroup cells1 = trend_group(group1, aggregate1, settings);
    const TrendGroup cells2 = trend_group(group2, aggregate2, settings);
    const bool increase_good = settings.boolean("IsIncreaseGood").value_or(true);

    ResultTable table{.name = "Trend"};
    table.column("Breakdown", "string")
        .column("Group 1", "double")
        .column("Group 2", "double")
        .column("Change", "double")
        .column("Change Percent", "double")
        .column("Is Good", "boolean")
        .column("Group 1 Cases", "integer")
        .column("Group 2 Cases", "integer");
    table.add_row(trend_row("All", aggregate1, cells1.all, aggregate2, cells2.all, increase_good));
    std::set<std::string> labels;
    for (const auto* cells : {&cells1, &cells2}) {
        for (const auto& [label, cell] : cells->by_breakdown) labels.insert(label);
    }
    const TrendCell none;
    for (const std::string& label : labels) {
        const auto in1 = cells1.by_breakdown.find(label);
        const auto in2 = cells2.by_breakdown.find(label);
        table.add_row(trend_row(
            label, aggregate1, in1 == cells1.by_breakdown.end() ? none : in1->second, aggregate2,
            in2 == cells2.by_breakdown.end() ? none : in2->second, increase_good));
    }
    OperatorOutput output = tables_output({std::move(table)});
    output.details["groupName1"] = settings.text("TrendGroupName1").value_or("Group 1");
    output.details["groupName2"] = settings.text("TrendGroupName2").value_or("Group 2");
    return output;
}

// ---- CalculatorValueOverTime ----

// The OverTimePeriod enumeration.
enum class Period { Day = 1, Week = 2, Month = 3, Quarter = 4, Year = 5 };

int64_t day_of(int64_t micros) {
    const int64_t day = micros / eventlog::kMicrosPerDay;
    return micros % eventlog::kMicrosPerDay < 0 ? day - 1 : day;
}

int64_t month_start(int64_t year, int64_t month0) {
    const int64_t year_shift = month0 >= 0 ? month0 / 12 : (month0 - 11) / 12;
    return eventlog::days_from_civil(year + year_shift,
                                     static_cast<unsigned>(month0 - year_shift * 12 + 1), 1) *
           eventlog::kMicrosPerDay;
}

// The start of the (UTC) period holding `micros`; weeks start on Monday.
int64_t period_start(int64_t micros, Period period) {
    const eventlog::CivilDate date = eventlog::civil_date(micros);
    const int64_t month0 = date.month - 1;
    switch (period) {
        case Period::Day:
            return day_of(micros) * eventlog::kMicrosPerDay;
        case Period::Week:
            return (day_of(micros) - (date.weekday + 6) % 7) * eventlog::kMicrosPerDay;
        case Period::Month:
            return month_start(date.year, month0);
        case Period::Quarter:
            return month_start(date.year, month0 / 3 * 3);
        default:
            return month_start(date.year, 0);
    }
}

int64_t next_period(int64_t start, Period period) {
    const eventlog::CivilDate date = eventlog::civil_date(start);
    const int64_t month0 = date.month - 1;
    switch (period) {
        case Period::Day:
            return start + eventlog::kMicrosPerDay;
        case Period::Week:
            return start + 7 * eventlog::kMicrosPerDay;
        case Period::Month:
            return month_start(date.year, month0 + 1);
        case Period::Quarter:
            return month_start(date.year, month0 + 3);
        default:
            return month_start(date.year + 1, 0);
    }
}

// 2011-01-06, 2011-W01 (ISO 8601 week), 2011-01, 2011 Q1 (as ~calc~CaseStartQuarter), 2011.
std::string period_label(int64_t start, Period period) {
    const eventlog::CivilDate date = eventlog::civil_date(start);
    switch (period) {
        case Period::Day:
            return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
        case Period::Week: {
            const int64_t thursday = day_of(start) + 3;
            const int64_t year = eventlog::civil_date(thursday * eventlog::kMicrosPerDay).year;
            const int64_t week = (thursday - eventlog::days_from_civil(year, 1, 1)) / 7 + 1;
            return fmt::format("{:04}-W{:02}", year, week);
        }
        case Period::Month:
            return fmt::format("{:04}-{:02}", date.year, date.month);
        case Period::Quarter:
            return fmt::format("{:04} Q{}", date.year, (date.month - 1) / 3 + 1);
        default:
            return fmt::format("{:04}", date.year);
    }
}

// The date of kept case c: with DateActivityName, the first (or last) occurrence of that activity
// (its DateAttributeName value when that is an event attribute, else its timestamp); else the
// case's DateAttributeName value (an event attribute: its first or last value).
std::optional<int64_t> case_date(const LogView& view, size_t position, uint32_t c,
                                 const StateColumn& date,
                                 const std::optional<std::string>& activity, bool last) {
    if (activity) {
        const auto event = pick_event(view, c, last, activity_is(view.log(), *activity));
        if (!event) return std::nullopt;
        if (!date.event_level()) return view.log().timestamp[*event];
        return date.is_null(*event) ? std::nullopt : std::optional<int64_t>(date.int_value(*event));
    }
    if (date.event_level()) {
        const auto event = pick_event(view, c, last, [&](uint32_t e) { return !date.is_null(e); });
        return event ? std::optional<int64_t>(date.int_value(*event)) : std::nullopt;
    }
    const size_t row = date.case_row(position, c);
    return date.is_null(row) ? std::nullopt : std::optional<int64_t>(date.int_value(row));
}

OperatorOutput value_over_time(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext& context) {
    const AnalysisState state =
        apply_filter_list(input, settings.json("FilterListSettings"), context);
    const LogView& view = state.view;
    const StateColumn date(state, settings.text("DateAttributeName").value_or("~calc~CaseStart"),
                           "DateAttributeName");
    if (date.type() != ValueType::DateTime) {
        throw OperatorError(
            fmt::format("Column '{}' of setting DateAttributeName must be a "
                        "datetime column, not {}",
                        date.name(), eventlog::value_type_name(date.type())));
    }
    const auto activity = settings.text("DateActivityName");
    const bool last = selects_last(settings, "ActivitySelectionType");
    const auto period = static_cast<Period>(settings.integer("OverTimePeriod").value_or(3));
    const Aggregate aggregate = Aggregate::from_settings(state, settings);

    std::map<int64_t, Sample> samples;
    uint64_t dated = 0;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        const auto when = case_date(view, position, c, date, activity, last);
        if (!when) continue;
        ++dated;
        aggregate.add_case(samples[period_start(*when, period)], position, c);
    }
    // Every period from the first to the last, empty ones included.
    std::vector<int64_t> starts;
    if (!samples.empty()) {
        for (int64_t start = samples.begin()->first; start <= samples.rbegin()->first;
             start = next_period(start, period)) {
            starts.push_back(start);
        }
    }
    const auto max_periods = settings.integer("MaxTimePeriods");
    if (max_periods && *max_periods >= 0 && static_cast<size_t>(*max_periods) < starts.size()) {
        starts.erase(starts.begin(), starts.end() - *max_periods);  // the latest periods
    }
    ResultTable table{.name = "Values"};
    table.column("Period", "string")
        .column("Period Start", "datetime")
        .column("Value", "double")
        .column("Case Count", "integer");
    const Sample empty;
    for (int64_t start : starts) {
        const auto found = samples.find(start);
        const Sample& sample = found == samples.end() ? empty : found->second;
        table.add_row({period_label(start, period), eventlog::format_utc(start),
                       number_cell(aggregate.result(sample, dated)), sample.rows});
    }
    return tables_output({std::move(table)});
}

// ---- CalculatorPivotOneRow ----

struct PivotAggregate {
    Aggregate aggregate;
    std::string title;
};

std::vector<PivotAggregate> pivot_aggregates(const AnalysisState& state,
                                             const OperatorSettings& settings) {
    const Json list = settings.json("AggregationSettingsList");
    std::vector<PivotAggregate> out;
    if (!list.is_array() || list.empty()) {
        Aggregate count(state, AggregateFunction::Count, "", TimeUnit::Days,
                        "AggregationSettingsList");
        std::string title = count.title();
        out.push_back({std::move(count), std::move(title)});
        return out;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        // Each entry is read like settings of the catalog's "aggregation" object type.
        const Json spec = {
            {"name", fmt::format("{} AggregationSettingsList[{}]", settings.operator_name(), i)},
            {"settings", *find_object_type("aggregation")}};
        const OperatorSettings entry(spec, nullptr, list[i]);
        Aggregate aggregate = Aggregate::from_settings(state, entry);
        std::string title = entry.text("ColumnTitle").value_or(aggregate.title());
        out.push_back({std::move(aggregate), std::move(title)});
    }
    return out;
}

// One row per combination of category values: of the cases, or of the events when a category is
// an event attribute (case attributes then count for each of the case's events).
OperatorOutput pivot(const AnalysisState& input, const OperatorSettings& settings,
                     const OperatorContext& context) {
    const AnalysisState state = apply_filter_list(input, settings.json("FilterList"), context);
    const LogView& view = state.view;
    std::vector<StateColumn> categories;
    for (const std::string& name : settings.strings("CategoryColumnNames")) {
        categories.emplace_back(state, name, "CategoryColumnNames");
    }
    if (categories.empty()) {
        throw OperatorError("Setting 'CategoryColumnNames' of CalculatorPivotOneRow is required");
    }
    const std::vector<PivotAggregate> aggregates = pivot_aggregates(state, settings);
    const bool of_events = std::any_of(categories.begin(), categories.end(),
                                       [](const StateColumn& c) { return c.event_level(); });

    std::map<std::vector<std::string>, std::vector<Sample>> groups;
    uint64_t rows = 0;
    const auto group_of = [&](size_t position, uint32_t c, uint32_t e) -> std::vector<Sample>& {
        std::vector<std::string> key;
        key.reserve(categories.size());
        for (const StateColumn& category : categories) {
            key.push_back(
                category.text(category.event_level() ? e : category.case_row(position, c)));
        }
        auto& samples = groups[std::move(key)];
        samples.resize(aggregates.size());
        ++rows;
        return samples;
    };
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        if (!of_events) {
            auto& samples = group_of(position, c, 0);
            for (size_t i = 0; i < aggregates.size(); ++i) {
                aggregates[i].aggregate.add_case(samples[i], position, c);
            }
            continue;
        }
        view.for_each_event(c, [&](uint32_t e) {
            auto& samples = group_of(position, c, e);
            for (size_t i = 0; i < aggregates.size(); ++i) {
                aggregates[i].aggregate.add_event(samples[i], position, c, e);
            }
        });
    }

    ResultTable table{.name = "Pivot"};
    for (const StateColumn& category : categories) table.column(category.name(), "string");
    for (const PivotAggregate& aggregate : aggregates) table.column(aggregate.title, "double");
    for (const auto& [key, samples] : groups) {
        Json row = key;
        for (size_t i = 0; i < aggregates.size(); ++i) {
            row.push_back(number_cell(aggregates[i].aggregate.result(samples[i], rows)));
        }
        table.add_row(std::move(row));
    }
    std::optional<size_t> sort_by = categories.size();  // the first aggregate
    if (const auto name = settings.text("SortColumnName")) {
        sort_by = find_column(table, *name);
        if (!sort_by) {
            throw OperatorError(
                fmt::format("Setting 'SortColumnName': the pivot has no column '{}'", *name));
        }
    }
    sort_rows(table, *sort_by, settings.integer("SortOrder").value_or(2) == 1);
    keep_rows(table, settings.integer("MaxRows"));
    return tables_output({std::move(table)});
}

}  // namespace

TrendChange trend_change(std::optional<double> group1, std::optional<double> group2,
                         bool increase_good) {
    TrendChange out;
    if (!group1 || !group2) return out;
    out.change = *group2 - *group1;
    if (*group1 != 0) out.percent = 100.0 * *out.change / std::abs(*group1);
    if (*out.change != 0) out.good = (*out.change > 0) == increase_good;
    return out;
}

std::vector<NamedImplementation> aggregate_calculator_implementations() {
    return {{"CalculatorRate", rate},
            {"CalculatorTrend", trend},
            {"CalculatorValueOverTime", value_over_time},
            {"CalculatorPivotOneRow", pivot}};
}

}  // namespace pmstudio::mining
