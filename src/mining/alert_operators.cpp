#include "mining/alert_operators.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/text.h"
#include "eventlog/calculated_attributes.h"
#include "eventlog/case_variants.h"
#include "mining/activity_names.h"
#include "mining/activity_sequence.h"
#include "mining/attribute_condition.h"
#include "mining/time_units.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

ResultTable alert_table(const char* value_type) {
    ResultTable table{.name = "Alert"};
    table.column("Case Id", "string").column("Value", value_type).column("Severity", "string");
    return table;
}

OperatorOutput alert_output(ResultTable table, bool triggered, uint64_t count) {
    OperatorOutput output;
    output.tables.push_back(std::move(table));
    output.alert_triggered = triggered;
    output.details = {{"triggered", triggered}, {"count", count}};
    return output;
}

std::string severity_of(const OperatorSettings& settings) {
    return settings.text("Severity").value_or("medium");
}

// ---- AlertThreshold ----

bool compare(double value, std::string_view op, double threshold) {
    if (iequals(op, "greaterThan")) return value > threshold;
    if (iequals(op, "greaterThanOrEqual")) return value >= threshold;
    if (iequals(op, "lessThan")) return value < threshold;
    if (iequals(op, "lessThanOrEqual")) return value <= threshold;
    if (iequals(op, "equals")) return value == threshold;
    if (iequals(op, "notEquals")) return value != threshold;
    throw OperatorError(fmt::format(
        "Setting 'Operator' of AlertThreshold must be greaterThan, greaterThanOrEqual, lessThan, "
        "lessThanOrEqual, equals or notEquals, got '{}'",
        op));
}

// caseCount compares the number of cases once; the other metrics compare each case.
OperatorOutput threshold_alert(const AnalysisState& input, const OperatorSettings& settings,
                               const OperatorContext&) {
    const LogView& view = input.view;
    const std::string metric = settings.require("Metric").get<std::string>();
    const std::string op = settings.text("Operator").value_or("greaterThan");
    const double threshold = *settings.number("Threshold");
    const std::string severity = severity_of(settings);
    ResultTable table = alert_table("double");
    if (iequals(metric, "caseCount")) {
        const auto cases = static_cast<double>(view.case_count());
        const bool fired = compare(cases, op, threshold);
        if (fired) table.add_row({nullptr, cases, severity});
        return alert_output(std::move(table), fired, fired ? 1 : 0);
    }
    using eventlog::CalculatedAttribute;
    static constexpr std::array<std::pair<std::string_view, CalculatedAttribute>, 3> kMetrics = {{
        {"caseDuration", CalculatedAttribute::CaseDuration},
        {"eventCount", CalculatedAttribute::EventCount},
        {"distinctActivityCount", CalculatedAttribute::DistinctActivityCount},
    }};
    const auto* found = std::find_if(kMetrics.begin(), kMetrics.end(), [&](const auto& entry) {
        return iequals(entry.first, metric);
    });
    if (found == kMetrics.end()) {
        throw OperatorError(
            fmt::format("Setting 'Metric' of AlertThreshold must be caseDuration, eventCount, "
                        "distinctActivityCount or caseCount, got '{}'",
                        metric));
    }
    const bool duration = found->second == CalculatedAttribute::CaseDuration;
    const TimeUnit unit = time_unit_setting(settings, "Unit").value_or(TimeUnit::Hours);
    const eventlog::Column values = eventlog::calculated_case_attribute(view, found->second);
    for (size_t position = 0; position < view.case_count(); ++position) {
        const int64_t raw = values.ints[position];
        const double value = duration ? in_units(raw, unit) : static_cast<double>(raw);
        if (compare(value, op, threshold)) {
            table.add_row({view.log().case_ids[view.cases()[position]], value, severity});
        }
    }
    const size_t count = table.rows.size();
    return alert_output(std::move(table), count > 0, count);
}

// ---- AlertPatternDeviation ----

std::string trim(std::string_view text) {
    const size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const size_t end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> pattern_activities(const std::string& pattern) {
    std::vector<std::string> names;
    for (size_t at = 0;;) {
        const size_t arrow = pattern.find("->", at);
        names.push_back(trim(std::string_view(pattern).substr(at, arrow - at)));
        if (arrow == std::string::npos) break;
        at = arrow + 2;
    }
    if (std::any_of(names.begin(), names.end(), [](const auto& name) { return name.empty(); })) {
        throw OperatorError(fmt::format(
            "Setting 'BaselinePattern' of AlertPatternDeviation must be activities joined by ->, "
            "got '{}'",
            pattern));
    }
    return names;
}

// A case deviates when its activity sequence differs from the baseline. The alert fires when at
// least MinOccurrences cases deviate and their share of the cases exceeds DeviationTolerance (a
// fraction: 0.1 is 10%). The table lists every deviating case with its activity path.
OperatorOutput pattern_deviation_alert(const AnalysisState& input, const OperatorSettings& settings,
                                       const OperatorContext&) {
    const LogView& view = input.view;
    const eventlog::EventLog& log = view.log();
    const std::vector<uint32_t> baseline = sequence_codes(
        log, pattern_activities(settings.require("BaselinePattern").get<std::string>()));
    const double tolerance = settings.number("DeviationTolerance").value_or(0);
    const int64_t min_occurrences = settings.integer("MinOccurrences").value_or(1);
    const std::string severity = severity_of(settings);

    const eventlog::CaseVariants variants = eventlog::case_variants(view);
    std::vector<std::string> paths;  // per variant; empty when it follows the baseline
    for (const eventlog::Variant& variant : variants.variants) {
        std::string path;
        if (variant.activities != baseline) {
            for (uint32_t code : variant.activities) {
                if (!path.empty()) path += " -> ";
                path += log.activities[code];
            }
        }
        paths.push_back(std::move(path));
    }
    ResultTable table = alert_table("string");
    for (size_t position = 0; position < view.case_count(); ++position) {
        const std::string& path = paths[variants.variant_of_case[position]];
        if (!path.empty()) table.add_row({log.case_ids[view.cases()[position]], path, severity});
    }
    const size_t deviating = table.rows.size();
    const double share = view.case_count() == 0 ? 0
                                                : static_cast<double>(deviating) /
                                                      static_cast<double>(view.case_count());
    const bool fired = static_cast<int64_t>(deviating) >= min_occurrences && share > tolerance;
    OperatorOutput output = alert_output(std::move(table), fired, deviating);
    output.details["deviationRate"] = share;
    return output;
}

// ---- AlertCompliance ----

// "<column> <operator> <value>" with operators > >= < <= = == != <>; quotes around the column or
// the value are dropped.
AttributeCondition parse_condition(const std::string& text) {
    static constexpr std::array<std::pair<std::string_view, CompareMethod>, 8> kOperators = {{
        {">=", CompareMethod::GreaterThanOrEqual},
        {"<=", CompareMethod::LessThanOrEqual},
        {"!=", CompareMethod::IsNot},
        {"<>", CompareMethod::IsNot},
        {"==", CompareMethod::Is},
        {">", CompareMethod::GreaterThan},
        {"<", CompareMethod::LessThan},
        {"=", CompareMethod::Is},
    }};
    const size_t at = text.find_first_of("<>=!");
    if (at != std::string::npos) {
        for (const auto& [symbol, method] : kOperators) {
            if (text.compare(at, symbol.size(), symbol) != 0) continue;
            const auto unquote = [](std::string part) {
                if (part.size() >= 2 && (part.front() == '\'' || part.front() == '"') &&
                    part.back() == part.front()) {
                    part = part.substr(1, part.size() - 2);
                }
                return part;
            };
            std::string column = unquote(trim(std::string_view(text).substr(0, at)));
            std::string value = unquote(trim(std::string_view(text).substr(at + symbol.size())));
            if (column.empty()) break;
            return {std::move(column), method, {std::move(value)}};
        }
    }
    throw OperatorError(fmt::format(
        "Setting 'Condition' of AlertCompliance must be <column> <operator> <value> (operators > "
        ">= < <= = != ), got '{}'",
        text));
}

// Dates and booleans written as text become values of the column's type.
void type_value(AttributeCondition& condition, const ViewColumn& column) {
    const std::string& text = std::get<std::string>(condition.values[0]);
    if (column.type() == eventlog::ValueType::DateTime) {
        if (const auto micros = parse_datetime_micros(text)) condition.values[0] = *micros;
    } else if (column.type() == eventlog::ValueType::Boolean &&
               (iequals(text, "true") || iequals(text, "false"))) {
        condition.values[0] = iequals(text, "true");
    }
}

// The cases meeting Condition (every case without one; an event attribute: some kept event) that
// lack RequiredActivity among their kept events. Value: the first value meeting the condition.
OperatorOutput compliance_alert(const AnalysisState& input, const OperatorSettings& settings,
                                const OperatorContext&) {
    const LogView& view = input.view;
    const eventlog::EventLog& log = view.log();
    const auto required =
        activity_code(log, settings.require("RequiredActivity").get<std::string>());
    const std::string severity = severity_of(settings);
    std::optional<AttributeCondition> condition;
    std::optional<ViewColumn> column;
    std::optional<AttributeMatcher> matcher;
    if (const auto text = settings.text("Condition")) {
        condition = parse_condition(*text);
        column = ViewColumn::resolve(view, condition->column);
        if (!column) {
            throw OperatorError(
                fmt::format("Column '{}' of setting Condition does not exist", condition->column));
        }
        type_value(*condition, *column);
        try {
            matcher.emplace(*column, *condition);
        } catch (const std::invalid_argument& error) {
            throw OperatorError(
                fmt::format("Setting 'Condition' of AlertCompliance: {}", error.what()));
        }
    }
    ResultTable table = alert_table("string");
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        bool has_required = false;
        view.for_each_event(
            c, [&](uint32_t e) { has_required = has_required || log.activity[e] == required; });
        if (has_required) continue;
        Json value;
        if (matcher) {
            std::optional<size_t> row;
            if (!column->event_level()) {
                if (const size_t r = column->case_row(position, c); matcher->matches(r)) row = r;
            } else {
                view.for_each_event(c, [&](uint32_t e) {
                    if (!row && matcher->matches(e)) row = e;
                });
            }
            if (!row) continue;
            value = column->text(*row);
        }
        table.add_row({log.case_ids[c], value, severity});
    }
    const size_t count = table.rows.size();
    OperatorOutput output = alert_output(std::move(table), count > 0, count);
    output.details["rule"] = settings.text("Rule").value_or("");
    return output;
}

}  // namespace

std::vector<NamedImplementation> alert_implementations() {
    return {{"AlertThreshold", threshold_alert},
            {"AlertPatternDeviation", pattern_deviation_alert},
            {"AlertCompliance", compliance_alert}};
}

}  // namespace pmstudio::mining
