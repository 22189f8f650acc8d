#include "mining/filter_operators.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <utility>

#include "common/text.h"
#include "eventlog/case_variants.h"
#include "eventlog/time_format.h"
#include "mining/activity_filter.h"
#include "mining/attribute_filter.h"
#include "mining/date_filter.h"
#include "mining/operator_inputs.h"
#include "mining/relative_date.h"
#include "mining/start_end_activity_filter.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using eventlog::ValueType;

constexpr int64_t kEarliest = std::numeric_limits<int64_t>::min();
constexpr int64_t kLatest = std::numeric_limits<int64_t>::max();

OperatorOutput narrowed(const AnalysisState& input, LogView view) {
    OperatorOutput output;
    output.state = input.with_view(std::move(view));
    return output;
}

// The cases whose value of `column` matches the condition, as filter_cases_by_attribute keeps
// them; case-level columns are matched here because derived attributes are no columns of the log.
LogView cases_matching(const AnalysisState& state, const ViewColumn& column,
                       const AttributeCondition& condition, std::string_view activity = {},
                       bool remove = false) {
    if (column.event_level()) {
        return filter_cases_by_attribute(state.view, condition, activity, remove);
    }
    const AttributeMatcher matcher(column, condition);
    size_t position = 0;  // where_cases visits the kept cases in order
    return state.view.where_cases(
        [&](uint32_t c) { return matcher.matches(column.case_row(position++, c)) != remove; });
}

// `amount` time units of `unit` microseconds each.
int64_t micros_of(double amount, int64_t unit) {
    return std::llround(amount * static_cast<double>(unit));
}

// A value of a FilterAttribute block and the setting it comes from.
struct Operand {
    std::string_view key;
    Json value;
};

struct Comparison {
    CompareMethod method = CompareMethod::Is;
    std::vector<Operand> operands;
};

CompareMethod simple_compare_method(const OperatorSettings& settings) {
    // The catalog lists the simple operators in CompareMethod order.
    return static_cast<CompareMethod>(enumeration_position(settings, "operator", "SimpleCompare") +
                                      1);
}

Comparison comparison_of(const OperatorSettings& settings) {
    using enum CompareMethod;
    const bool simple = settings.simple();
    const std::string_view value_key = simple ? "value" : "CompareValue";
    const std::string_view list_key = simple ? "value" : "CompareArray";
    Comparison comparison{simple ? simple_compare_method(settings)
                                 : static_cast<CompareMethod>(*settings.integer("CompareMethod")),
                          {}};
    const auto one = [&](std::string_view key) { return Operand{key, settings.require(key)}; };
    const auto list = [&](std::string_view key) {
        std::vector<Operand> operands;
        const Json& values = settings.require(key);
        if (!values.is_array()) return std::vector<Operand>{{key, values}};
        for (const Json& value : values) operands.push_back({key, value});
        return operands;
    };
    const Json* single = settings.find(value_key);
    if ((comparison.method == Is || comparison.method == IsNot) &&
        (single == nullptr || single->is_array()) && settings.has(list_key)) {
        comparison.method = comparison.method == Is ? IsOneOf : IsNotOneOf;
    }
    switch (comparison.method) {
        case IsEmpty:
        case IsNotEmpty:
            break;
        case Between:
            if (!simple) {
                comparison.operands = {one("LowerValue"), one("UpperValue")};
            } else if (comparison.operands = list(value_key); comparison.operands.size() != 2) {
                throw OperatorError(
                    fmt::format("Setting 'value' of {} must be [lower, upper] for between, got {}",
                                settings.operator_name(), single->dump()));
            }
            break;
        case IsOneOf:
        case IsNotOneOf:
            comparison.operands = list(settings.has(list_key) ? list_key : value_key);
            break;
        default:
            comparison.operands = {one(value_key)};
            break;
    }
    return comparison;
}

// An operand as AttributeMatcher takes it against `column`: DateTime and TimeSpan values in
// microseconds (timespan numbers count `unit` microseconds), "true" / "false" as booleans.
AttributeValue attribute_value(const OperatorSettings& settings, const Operand& operand,
                               const ViewColumn& column, int64_t unit) {
    const Json& value = operand.value;
    const auto wrong = [&](std::string_view expected) {
        return OperatorError(fmt::format("Setting '{}' of {} must be {}, got {}", operand.key,
                                         settings.operator_name(), expected, value.dump()));
    };
    const std::string* text = value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
    switch (column.type()) {
        case ValueType::DateTime:
            if (const auto micros = text ? parse_datetime_micros(*text) : std::nullopt) {
                return *micros;
            }
            throw wrong("an ISO 8601 date or date-time");
        case ValueType::TimeSpan:
            if (value.is_number()) return micros_of(value.get<double>(), unit);
            if (const auto micros = text ? parse_timespan_micros(*text) : std::nullopt) {
                return *micros;
            }
            throw wrong("a timespan ([d.]hh:mm:ss or a number of TimeSpanUnits)");
        case ValueType::Boolean:
            if (text && (iequals(*text, "true") || iequals(*text, "false"))) {
                return iequals(*text, "true");
            }
            break;
        default:
            break;
    }
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_number_integer()) return value.get<int64_t>();
    if (value.is_number()) return value.get<double>();
    if (text) return *text;
    throw wrong("a text, number or boolean");
}

OperatorOutput filter_attribute(const AnalysisState& input, const OperatorSettings& settings,
                                const OperatorContext&) {
    const std::string_view column_key = settings.simple() ? "attribute" : "ColumnName";
    const ViewColumn column = column_setting(input, settings, column_key);
    const Comparison comparison = comparison_of(settings);
    const int64_t unit = time_unit_micros(
        settings, "TimeSpanUnits",
        settings.integer("TimeSpanUnits").value_or(static_cast<int64_t>(TimeUnit::Days)));
    AttributeCondition condition{*settings.text(column_key), comparison.method, {}};
    for (const Operand& operand : comparison.operands) {
        condition.values.push_back(attribute_value(settings, operand, column, unit));
    }
    const std::string activity = settings.text("ActivityNameIfEventAttribute").value_or("");
    if (!activity.empty()) {
        activity_setting(input.view.log(), settings, "ActivityNameIfEventAttribute");
    }
    try {
        return narrowed(input, cases_matching(input, column, condition, activity,
                                              settings.boolean("RemoveFilter").value_or(false)));
    } catch (const std::invalid_argument& error) {
        const std::string_view key =
            comparison.operands.empty() ? "CompareMethod" : comparison.operands.front().key;
        throw OperatorError(
            fmt::format("Setting '{}' of {}: {}", key, settings.operator_name(), error.what()));
    }
}

// The simple dialect's endDate: a date alone stands for the whole day.
std::optional<int64_t> simple_range_end(const OperatorSettings& settings) {
    auto end = settings.datetime_micros("endDate");
    if (end && settings.text("endDate")->size() == std::string_view("yyyy-mm-dd").size()) {
        *end += eventlog::kMicrosPerDay - 1;
    }
    return end;
}

Json used_date(std::optional<int64_t> micros) {
    return micros ? Json(eventlog::format_utc(*micros)) : Json();
}

OperatorOutput filter_date_operator(const AnalysisState& input, const OperatorSettings& settings,
                                    const OperatorContext& context) {
    const bool simple = settings.simple();
    std::optional<int64_t> from;
    std::optional<int64_t> to;
    DateFilterType type = DateFilterType::CasesStartingInRange;
    std::string_view column_key = "AttributeName";
    if (simple) {
        from = settings.datetime_micros("startDate");
        to = simple_range_end(settings);
        column_key = "dateField";
        if (settings.has(column_key)) type = DateFilterType::CasesWithAttributeInRange;
    } else {
        const int64_t now = input.now_or(context.now);
        if (const auto start = relative_date_setting(settings, "StartDateSelection")) {
            from = resolve_relative_date(*start, now);
        }
        if (const auto end = relative_date_setting(settings, "EndDateSelection")) {
            to = resolve_relative_date(*end, now);
        }
        type = static_cast<DateFilterType>(*settings.integer("FilterType"));
    }
    if (!from && !to) {
        throw OperatorError(fmt::format(
            "Setting '{}' or '{}' of {} is required", simple ? "startDate" : "StartDateSelection",
            simple ? "endDate" : "EndDateSelection", settings.operator_name()));
    }
    const TimeRange range{from.value_or(kEarliest), to.value_or(kLatest)};
    const bool remove = settings.boolean("RemoveFilter").value_or(false);
    OperatorOutput output;
    if (type == DateFilterType::CasesWithAttributeInRange) {
        const ViewColumn column = column_setting(input, settings, column_key);
        expect_column_type(settings, column_key, column, ValueType::DateTime);
        const AttributeCondition condition{
            *settings.text(column_key), CompareMethod::Between, {range.from, range.to}};
        output = narrowed(input, cases_matching(input, column, condition, {}, remove));
    } else {
        std::string activity;
        if (type == DateFilterType::CasesWithActivityInRange) {
            activity_setting(input.view.log(), settings, "ActivityName");
            activity = *settings.text("ActivityName");
        }
        output = narrowed(input, filter_date(input.view, type, range, activity, remove));
    }
    output.details["UsedStartDate"] = used_date(from);
    output.details["UsedEndDate"] = used_date(to);
    return output;
}

OperatorOutput filter_activities_operator(const AnalysisState& input,
                                          const OperatorSettings& settings,
                                          const OperatorContext&) {
    const eventlog::EventLog& log = input.view.log();
    if (!settings.simple()) {
        settings.require("ActivityNames");
        const auto mode = static_cast<ActivityFilterMode>(
            enumeration_position(settings, "Mode", "ActivityFilterMode"));
        return narrowed(
            input, filter_activities(input.view,
                                     activity_names_setting(log, settings, "ActivityNames"), mode));
    }
    std::vector<std::string> any = activity_names_setting(log, settings, "activities");
    const std::vector<std::string> include = activity_names_setting(log, settings, "include");
    any.insert(any.end(), include.begin(), include.end());
    const std::vector<std::string> exclude = activity_names_setting(log, settings, "exclude");
    if (any.empty() && exclude.empty()) {
        throw OperatorError(
            fmt::format("Setting 'activities', 'include' or 'exclude' of {} is required",
                        settings.operator_name()));
    }
    LogView view = input.view;
    if (!any.empty()) view = filter_activities(view, any, ActivityFilterMode::KeepCasesWithAny);
    if (!exclude.empty()) {
        view = filter_activities(view, exclude, ActivityFilterMode::KeepCasesWithNone);
    }
    return narrowed(input, std::move(view));
}

OperatorOutput filter_variants(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext&) {
    const eventlog::CaseVariants variants = eventlog::case_variants(input.view);
    std::vector<char> chosen(variants.variants.size(), 0);
    const std::vector<std::string> ids = settings.strings("VariantIds");
    if (!ids.empty()) {
        std::set<std::string> wanted;
        for (const std::string& id : ids) wanted.insert(to_lower(id));
        for (size_t v = 0; v < chosen.size(); ++v) {
            chosen[v] = wanted.contains(variants.variants[v].id) ? 1 : 0;
        }
    } else {
        const auto top = settings.integer("TopN");
        if (!top) {
            throw OperatorError(fmt::format("Setting 'TopN' or 'VariantIds' of {} is required",
                                            settings.operator_name()));
        }
        for (size_t v = 0; v < chosen.size() && std::cmp_less(v, *top); ++v) chosen[v] = 1;
    }
    const bool remove = settings.boolean("RemoveFilter").value_or(false);
    size_t position = 0;  // where_cases visits the kept cases in order
    return narrowed(input, input.view.where_cases([&](uint32_t) {
        return (chosen[variants.variant_of_case[position++]] != 0) != remove;
    }));
}

OperatorOutput filter_start_end_activity(const AnalysisState& input,
                                         const OperatorSettings& settings, const OperatorContext&) {
    const eventlog::EventLog& log = input.view.log();
    return narrowed(input, filter_start_end_activities(
                               input.view, activity_names_setting(log, settings, "StartActivities"),
                               activity_names_setting(log, settings, "EndActivities")));
}

OperatorOutput filter_follows(const AnalysisState& input, const OperatorSettings& settings,
                              const OperatorContext&) {
    const eventlog::EventLog& log = input.view.log();
    const uint32_t first = activity_setting(log, settings, "FirstActivity");
    const uint32_t second = activity_setting(log, settings, "SecondActivity");
    const bool directly = *settings.boolean("Directly");
    const bool negate = *settings.boolean("Negate");
    constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    return narrowed(input, input.view.where_cases([&](uint32_t c) {
        bool found = false;
        bool seen_first = false;
        uint32_t previous = kNone;
        input.view.for_each_event(c, [&](uint32_t e) {
            const uint32_t activity = log.activity[e];
            found = found || (activity == second && (directly ? previous == first : seen_first));
            seen_first = seen_first || activity == first;
            previous = activity;
        });
        return found != negate;
    }));
}

OperatorOutput filter_duration(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext&) {
    const ViewColumn column = column_setting(input, settings, "ColumnName");
    expect_column_type(settings, "ColumnName", column, ValueType::TimeSpan);
    const int64_t unit =
        time_unit_micros(settings, "TimeSpanUnits", *settings.integer("TimeSpanUnits"));
    const auto lower = settings.number("LowerValue");
    const auto upper = settings.number("UpperValue");
    if (!lower && !upper) {
        throw OperatorError(fmt::format("Setting 'LowerValue' or 'UpperValue' of {} is required",
                                        settings.operator_name()));
    }
    const auto micros = [&](std::optional<double> value, int64_t open) {
        return value ? micros_of(*value, unit) : open;
    };
    const AttributeCondition condition{*settings.text("ColumnName"),
                                       CompareMethod::Between,
                                       {micros(lower, kEarliest), micros(upper, kLatest)}};
    return narrowed(input, cases_matching(input, column, condition));
}

OperatorOutput filter_case_size(const AnalysisState& input, const OperatorSettings& settings,
                                const OperatorContext&) {
    const auto min = settings.integer("MinEvents");
    const auto max = settings.integer("MaxEvents");
    if (!min && !max) {
        throw OperatorError(fmt::format("Setting 'MinEvents' or 'MaxEvents' of {} is required",
                                        settings.operator_name()));
    }
    return narrowed(input, input.view.where_cases([&](uint32_t c) {
        const auto events = static_cast<int64_t>(input.view.case_event_count(c));
        return events >= min.value_or(0) && events <= max.value_or(kLatest);
    }));
}

OperatorOutput filter_rework(const AnalysisState& input, const OperatorSettings& settings,
                             const OperatorContext&) {
    const eventlog::EventLog& log = input.view.log();
    const uint32_t activity = activity_setting(log, settings, "ActivityName");
    const int64_t min = *settings.integer("MinOccurrences");
    return narrowed(input, input.view.where_cases([&](uint32_t c) {
        int64_t occurrences = 0;
        input.view.for_each_event(c,
                                  [&](uint32_t e) { occurrences += log.activity[e] == activity; });
        return occurrences >= min;
    }));
}

}  // namespace

std::vector<NamedImplementation> filter_implementations() {
    return {{"FilterAttribute", filter_attribute},
            {"FilterDate", filter_date_operator},
            {"FilterActivities", filter_activities_operator},
            {"FilterVariants", filter_variants},
            {"FilterStartEndActivity", filter_start_end_activity},
            {"FilterFollows", filter_follows},
            {"FilterDuration", filter_duration},
            {"FilterCaseSize", filter_case_size},
            {"FilterRework", filter_rework}};
}

}  // namespace pmstudio::mining
