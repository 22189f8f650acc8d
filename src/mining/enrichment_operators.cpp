#include "mining/enrichment_operators.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <limits>
#include <numeric>
#include <span>
#include <unordered_map>

#include "common/text.h"
#include "eventlog/calculated_attributes.h"
#include "eventlog/time_format.h"
#include "eventlog/view_scan.h"
#include "mining/activity_names.h"
#include "mining/filter_list.h"
#include "mining/operator_inputs.h"

namespace pmstudio::mining {
namespace {

using eventlog::Column;
using eventlog::LogView;
using eventlog::ValueType;

constexpr int64_t kFirstOrLastLast = 2;  // FirstOrLast: 1 First, 2 Last

// A case attribute for AnalysisState::with_attribute: a row per case of the log, null until set.
// Set values one at a time (neighbouring cases share words of the null bitmap).
class CaseAttribute {
public:
    CaseAttribute(std::string name, ValueType type, size_t cases) {
        column_.name = std::move(name);
        column_.type = type;
        if (type == ValueType::Double) {
            column_.doubles.assign(cases, 0);
        } else if (type == ValueType::String) {
            column_.codes.assign(cases, 0);
        } else {
            column_.ints.assign(cases, 0);
        }
        column_.nulls.assign((cases + 63) / 64, ~uint64_t{0});
        if (cases % 64 != 0) column_.nulls.back() = (uint64_t{1} << (cases % 64)) - 1;
    }

    void set_int(uint32_t c, int64_t value) {
        column_.ints[c] = value;
        set_present(c);
    }
    void set_double(uint32_t c, double value) {
        column_.doubles[c] = value;
        set_present(c);
    }
    void set_text(uint32_t c, std::string_view value) {
        const auto [entry, added] =
            code_of_.try_emplace(std::string(value), static_cast<uint32_t>(code_of_.size()));
        column_.codes[c] = entry->second;
        set_present(c);
    }

    // The column, with a sorted dictionary as the log's own.
    Column finish() && {
        if (column_.type != ValueType::String) return std::move(column_);
        std::vector<const std::string*> texts(code_of_.size());
        for (const auto& [text, code] : code_of_) texts[code] = &text;
        std::vector<uint32_t> order(texts.size());
        std::iota(order.begin(), order.end(), 0U);
        std::sort(order.begin(), order.end(),
                  [&](uint32_t a, uint32_t b) { return *texts[a] < *texts[b]; });
        std::vector<uint32_t> sorted_code(order.size());
        for (uint32_t position = 0; position < order.size(); ++position) {
            sorted_code[order[position]] = position;
            column_.dictionary.push_back(*texts[order[position]]);
        }
        for (size_t row = 0; row < column_.codes.size(); ++row) {
            if (!column_.is_null(row)) column_.codes[row] = sorted_code[column_.codes[row]];
        }
        return std::move(column_);
    }

private:
    void set_present(uint32_t c) { column_.nulls[c >> 6] &= ~(uint64_t{1} << (c & 63)); }

    Column column_;
    std::unordered_map<std::string, uint32_t> code_of_;
};

OperatorOutput enriched(const AnalysisState& input, CaseAttribute attribute) {
    OperatorOutput output;
    output.state = input.with_attribute(std::move(attribute).finish());
    return output;
}

std::string new_attribute_name(const OperatorSettings& settings, std::string_view key) {
    settings.require(key);
    std::string name = *settings.text(key);
    if (name.empty()) {
        throw OperatorError(
            fmt::format("Setting '{}' of {} must not be empty", key, settings.operator_name()));
    }
    return name;
}

constexpr size_t kNoRow = std::numeric_limits<size_t>::max();

// Per kept case position of the view: the row of `column` that stands for the case. A case-level
// column: the case's row. An event-level column: the first (last when `last`) kept event that has
// a value and, when `activities` is not empty, an activity it flags; kNoRow when there is none.
std::vector<size_t> case_rows(const LogView& view, const ViewColumn& column, bool last,
                              std::span<const char> activities = {}) {
    const std::vector<uint32_t>& cases = view.cases();
    std::vector<size_t> rows(cases.size(), kNoRow);
    if (!column.event_level()) {
        for (size_t p = 0; p < cases.size(); ++p) rows[p] = column.case_row(p, cases[p]);
        return rows;
    }
    const eventlog::EventLog& log = view.log();
    eventlog::scan_case_ranges(
        view, [](size_t) {},
        [&](size_t, size_t first, size_t end) {
            for (size_t p = first; p < end; ++p) {
                size_t& row = rows[p];
                view.for_each_event(cases[p], [&](uint32_t e) {
                    if ((!activities.empty() && activities[log.activity[e]] == 0) ||
                        column.is_null(e)) {
                        return;
                    }
                    if (last || row == kNoRow) row = e;
                });
            }
        });
    return rows;
}

bool has_value(const ViewColumn& column, size_t row) {
    return row != kNoRow && !column.is_null(row);
}

// The case attribute holding, for each kept case of the view, the value of its row of `column`.
CaseAttribute copy_rows(std::string name, const LogView& view, const ViewColumn& column,
                        const std::vector<size_t>& rows) {
    CaseAttribute attribute(std::move(name), column.type(), view.log().case_count());
    for (size_t p = 0; p < rows.size(); ++p) {
        if (!has_value(column, rows[p])) continue;
        const uint32_t c = view.cases()[p];
        switch (column.type()) {
            case ValueType::Double:
                attribute.set_double(c, column.double_value(rows[p]));
                break;
            case ValueType::String:
                attribute.set_text(c, column.text(rows[p]));
                break;
            default:
                attribute.set_int(c, column.int_value(rows[p]));
                break;
        }
    }
    return attribute;
}

std::string weekday_name(unsigned weekday) {  // 0 = Sunday, as eventlog::CivilDate
    std::tm date{};
    date.tm_wday = static_cast<int>(weekday);
    return fmt::format("{:%A}", date);
}

OperatorOutput duration_between_activities(const AnalysisState& input,
                                           const OperatorSettings& settings,
                                           const OperatorContext&) {
    const eventlog::EventLog& log = input.view.log();
    const ViewColumn time = *ViewColumn::resolve(input.view, log.metadata.timestamp_column);
    const auto occurrence_rows = [&](std::string_view activity_key, std::string_view which_key) {
        std::vector<char> flags(log.activities.size(), 0);
        flags[activity_setting(log, settings, activity_key)] = 1;
        return case_rows(input.view, time, *settings.integer(which_key) == kFirstOrLastLast, flags);
    };
    const auto from = occurrence_rows("FirstActivityName", "FirstActivityFirstOrLast");
    const auto to = occurrence_rows("SecondActivityName", "SecondActivityFirstOrLast");
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::TimeSpan,
                            log.case_count());
    for (size_t p = 0; p < from.size(); ++p) {
        if (from[p] != kNoRow && to[p] != kNoRow) {
            attribute.set_int(input.view.cases()[p],
                              time.int_value(to[p]) - time.int_value(from[p]));
        }
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput duration_categorization(const AnalysisState& input, const OperatorSettings& settings,
                                       const OperatorContext&) {
    const ViewColumn column = column_setting(input, settings, "AttributeName");
    expect_column_type(settings, "AttributeName", column, ValueType::TimeSpan);
    settings.require("FastDuration");
    settings.require("NormalDuration");
    settings.require("SlowDuration");
    const int64_t fast = *settings.timespan_micros("FastDuration");
    const int64_t normal = *settings.timespan_micros("NormalDuration");
    const int64_t slow = *settings.timespan_micros("SlowDuration");
    const auto rows = case_rows(input.view, column, false);
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::String,
                            input.view.log().case_count());
    for (size_t p = 0; p < rows.size(); ++p) {
        std::string_view category = "Unknown";
        if (has_value(column, rows[p])) {
            const int64_t duration = column.int_value(rows[p]);
            category = duration <= fast     ? "Fast"
                       : duration <= normal ? "Normal"
                       : duration <= slow   ? "Slow"
                                            : "Very Slow";
        }
        attribute.set_text(input.view.cases()[p], category);
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput time_difference_from_current_time(const AnalysisState& input,
                                                 const OperatorSettings& settings,
                                                 const OperatorContext& context) {
    const ViewColumn column = column_setting(input, settings, "AttributeName");
    expect_column_type(settings, "AttributeName", column, ValueType::DateTime);
    const int64_t now = input.now_or(context.now);
    const auto rows = case_rows(input.view, column, *settings.boolean("AttributeValueAsLastTime"));
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::TimeSpan,
                            input.view.log().case_count());
    for (size_t p = 0; p < rows.size(); ++p) {
        if (has_value(column, rows[p])) {
            attribute.set_int(input.view.cases()[p], now - column.int_value(rows[p]));
        }
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput case_group(const AnalysisState& input, const OperatorSettings& settings,
                          const OperatorContext& context) {
    if (*settings.boolean("IsEventAttribute")) {
        throw OperatorError(fmt::format(
            "Setting 'IsEventAttribute' of {} must be false: derived attributes are case "
            "attributes",
            settings.operator_name()));
    }
    const std::string name = new_attribute_name(settings, "NewAttributepName");
    const bool true_false = *settings.boolean("TrueFalseGroup");
    std::string group;
    if (!true_false) {
        settings.require("GroupName");
        group = *settings.text("GroupName");
    }
    const AnalysisState passing =
        apply_filter_list(input, settings.json("FilterListSettings"), context);
    const std::vector<uint32_t>& kept = passing.view.cases();
    CaseAttribute attribute(name, true_false ? ValueType::Boolean : ValueType::String,
                            input.view.log().case_count());
    size_t next = 0;  // both lists ascend, and the passing cases are some of the input's
    for (uint32_t c : input.view.cases()) {
        const bool passes = next < kept.size() && kept[next] == c;
        next += passes ? 1 : 0;
        if (true_false) {
            attribute.set_int(c, passes ? 1 : 0);
        } else if (passes) {
            attribute.set_text(c, group);
        }
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput case_representative_attribute(const AnalysisState& input,
                                             const OperatorSettings& settings,
                                             const OperatorContext& context) {
    const eventlog::EventLog& log = input.view.log();
    const AnalysisState considered =
        apply_filter_list(input, settings.json("FilterListSettings"), context);
    const ViewColumn column = column_setting(considered, settings, "EventColumnName");
    const std::vector<std::string> activities =
        activity_names_setting(log, settings, "CaseRepresentativeActivityNames");
    const std::vector<char> flags = activity_flags(log, activities);
    std::vector<size_t> rows =
        case_rows(considered.view, column,
                  *settings.integer("CaseRepresentativeEventSelection") == kFirstOrLastLast,
                  activities.empty() ? std::span<const char>() : flags);
    if (!activities.empty() && *settings.boolean("SelectLatestEventIfSpecificsAreNull")) {
        const auto latest = case_rows(considered.view, column, true);
        for (size_t p = 0; p < rows.size(); ++p) {
            if (!has_value(column, rows[p])) rows[p] = latest[p];
        }
    }
    return enriched(input, copy_rows(new_attribute_name(settings, "NewAttributeName"),
                                     considered.view, column, rows));
}

OperatorOutput freeze_log_time(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext& context) {
    const std::vector<int64_t>& times = input.view.log().timestamp;
    int64_t frozen = context.now;
    if (const auto time = settings.datetime_micros("FreezeTime")) {
        frozen = *time;
    } else if (!times.empty()) {
        frozen = *std::max_element(times.begin(), times.end());
    }
    OperatorOutput output;
    output.state = input;
    output.state->frozen_now = frozen;
    output.details["FreezeTime"] = eventlog::format_utc(frozen);
    return output;
}

OperatorOutput add_day_of_week(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext&) {
    const ViewColumn column = column_setting(input, settings, "AttributeName");
    expect_column_type(settings, "AttributeName", column, ValueType::DateTime);
    const auto rows = case_rows(input.view, column, false);
    std::array<std::string, 7> names;
    for (unsigned day = 0; day < names.size(); ++day) names[day] = weekday_name(day);
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::String,
                            input.view.log().case_count());
    for (size_t p = 0; p < rows.size(); ++p) {
        if (has_value(column, rows[p])) {
            attribute.set_text(input.view.cases()[p],
                               names[eventlog::civil_date(column.int_value(rows[p])).weekday]);
        }
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput business_hours(const AnalysisState& input, const OperatorSettings& settings,
                              const OperatorContext&) {
    const ViewColumn column = named_column(
        input, settings, "AttributeName",
        settings.text("AttributeName").value_or(input.view.log().metadata.timestamp_column));
    expect_column_type(settings, "AttributeName", column, ValueType::DateTime);
    const int64_t start = *settings.timespan_micros("StartTime");
    const int64_t end = *settings.timespan_micros("EndTime");
    std::array<bool, 7> work_day{};
    for (const std::string& day : settings.strings("WorkDays")) {
        bool known = false;
        for (unsigned weekday = 0; weekday < work_day.size(); ++weekday) {
            if (iequals(day, weekday_name(weekday))) work_day[weekday] = known = true;
        }
        if (!known) {
            throw OperatorError(
                fmt::format("Setting 'WorkDays' of {} names an unknown weekday '{}'",
                            settings.operator_name(), day));
        }
    }
    const auto rows = case_rows(input.view, column, false);
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::Boolean,
                            input.view.log().case_count());
    for (size_t p = 0; p < rows.size(); ++p) {
        if (!has_value(column, rows[p])) continue;
        const int64_t time = column.int_value(rows[p]);
        constexpr int64_t kDay = eventlog::kMicrosPerDay;
        const int64_t time_of_day = (time % kDay + kDay) % kDay;
        attribute.set_int(input.view.cases()[p], work_day[eventlog::civil_date(time).weekday] &&
                                                     start <= time_of_day && time_of_day < end);
    }
    return enriched(input, std::move(attribute));
}

OperatorOutput case_duration(const AnalysisState& input, const OperatorSettings& settings,
                             const OperatorContext&) {
    const Column durations = eventlog::calculated_case_attribute(
        input.view, eventlog::CalculatedAttribute::CaseDuration);
    CaseAttribute attribute(new_attribute_name(settings, "NewAttributeName"), ValueType::TimeSpan,
                            input.view.log().case_count());
    for (size_t p = 0; p < durations.ints.size(); ++p) {
        attribute.set_int(input.view.cases()[p], durations.ints[p]);
    }
    return enriched(input, std::move(attribute));
}

}  // namespace

std::vector<NamedImplementation> enrichment_implementations() {
    return {{"OperatorDurationBetweenActivities", duration_between_activities},
            {"OperatorDurationCategorization", duration_categorization},
            {"OperatorTimeDifferenceFromCurrentTime", time_difference_from_current_time},
            {"OperatorCaseGroup", case_group},
            {"CaseRepresentativeAttribute", case_representative_attribute},
            {"FreezeLogTime", freeze_log_time},
            {"OperatorAddDayOfWeek", add_day_of_week},
            {"OperatorBusinessHours", business_hours},
            {"OperatorCaseDuration", case_duration}};
}

}  // namespace pmstudio::mining
