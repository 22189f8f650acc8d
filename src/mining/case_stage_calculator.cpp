// CalculatorCaseStage: the cases in a stage (the view after the block's nested filters), how long
// each has been waiting and how urgent that is.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "eventlog/time_format.h"
#include "mining/analysis_calculator_parts.h"
#include "mining/dotnet_format.h"
#include "mining/filter_list.h"
#include "mining/state_column.h"
#include "mining/time_units.h"

namespace pmstudio::mining {
namespace {

using eventlog::ValueType;

constexpr const char* kDefaultMessage =
    "Case {CaseId} has been waiting {WaitingTime} in stage {StageName} ({Severity})";

enum class Severity { Unknown, Low, Medium, High };

const char* severity_name(Severity severity) {
    static constexpr std::array<const char*, 4> kNames = {"Unknown", "Low", "Medium", "High"};
    return kNames.at(static_cast<size_t>(severity));
}

struct StageCase {
    size_t position;
    uint32_t c;
    std::optional<int64_t> waiting;  // microseconds
    Severity severity;
};

// A threshold counts as reached at its value.
Severity severity_of(std::optional<int64_t> waiting, std::optional<int64_t> medium,
                     std::optional<int64_t> high) {
    if (!waiting) return Severity::Unknown;
    if (high && *waiting >= *high) return Severity::High;
    if (medium && *waiting >= *medium) return Severity::Medium;
    return Severity::Low;
}

// "35 minutes", "1 day", "0.5 days".
std::string waiting_text(int64_t micros, TimeUnit unit) {
    const std::string amount = format_number(in_units(micros, unit), "0.#");
    std::string name(unit_name(unit));
    if (amount == "1") name.pop_back();
    return amount + " " + name;
}

// Replaces each {Name} of the template that `fields` knows; other text stays as it is.
std::string fill_template(const std::string& text,
                          const std::map<std::string, std::string>& fields) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find('{', at);
        const size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        out.append(text, at, open - at);
        const auto field = fields.find(text.substr(open + 1, close - open - 1));
        out += field != fields.end() ? field->second : text.substr(open, close - open + 1);
        at = close + 1;
    }
    out.append(text, std::min(at, text.size()));
    return out;
}

// ListAttributes, then DetailAttributes, each column once.
std::vector<StateColumn> attribute_columns(const AnalysisState& state,
                                           const OperatorSettings& settings) {
    std::vector<StateColumn> columns;
    for (const char* key : {"ListAttributes", "DetailAttributes"}) {
        for (const std::string& name : settings.strings(key)) {
            const bool seen = std::any_of(columns.begin(), columns.end(),
                                          [&](const StateColumn& c) { return c.name() == name; });
            if (!seen) columns.emplace_back(state, name, key);
        }
    }
    return columns;
}

OperatorOutput case_stage(const AnalysisState& input, const OperatorSettings& settings,
                          const OperatorContext& context) {
    const AnalysisState state =
        apply_filter_list(input, settings.json("FilterListSettings"), context);
    const eventlog::LogView& view = state.view;
    const std::string stage = settings.text("StageName").value_or("");
    const StateColumn time(state, settings.require("TimeColumnName").get<std::string>(),
                           "TimeColumnName");
    if (time.type() != ValueType::TimeSpan && time.type() != ValueType::DateTime) {
        throw OperatorError(
            fmt::format("Column '{}' of setting TimeColumnName must be a timespan (the waiting "
                        "time) or a datetime (waiting since), not {}",
                        time.name(), eventlog::value_type_name(time.type())));
    }
    const int64_t now = state.now_or(context.now);
    const auto medium = settings.timespan_micros("MediumThreshold");
    const auto high = settings.timespan_micros("HighThreshold");
    const TimeUnit unit = time_unit_setting(settings, "TimeSpanUnits").value_or(TimeUnit::Minutes);
    const std::vector<StateColumn> attributes = attribute_columns(state, settings);

    std::vector<StageCase> cases;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        std::optional<int64_t> waiting;
        if (const auto row = time.current_row(view, position, c)) {
            const int64_t value = time.int_value(*row);
            waiting = time.type() == ValueType::TimeSpan ? value : now - value;
        }
        cases.push_back({position, c, waiting, severity_of(waiting, medium, high)});
    }
    // Longest waiting first; unknown waiting times last; ties in case order.
    std::stable_sort(cases.begin(), cases.end(), [](const StageCase& a, const StageCase& b) {
        return a.waiting.value_or(INT64_MIN) > b.waiting.value_or(INT64_MIN);
    });

    ResultTable table{.name = "Cases"};
    table.column("Case Id", "string")
        .column("Waiting Time", "timespan")
        .column("Severity", "string");
    for (const StateColumn& attribute : attributes) {
        table.column(attribute.name(), attribute.result_type());
    }
    ResultTable alarms{.name = "Alarms"};
    alarms.column("Case Id", "string").column("Severity", "string").column("Message", "string");
    const bool generate_alarms = settings.boolean("GenerateAlarms").value_or(false);
    const std::string message = settings.text("MessageTemplate").value_or(kDefaultMessage);

    for (const StageCase& stage_case : cases) {
        const std::string& case_id = view.log().case_ids[stage_case.c];
        Json row = {case_id,
                    stage_case.waiting ? Json(static_cast<double>(*stage_case.waiting) /
                                              eventlog::kMicrosPerSecond)
                                       : Json(),
                    severity_name(stage_case.severity)};
        std::map<std::string, std::string> fields = {
            {"CaseId", case_id},
            {"StageName", stage},
            {"Severity", severity_name(stage_case.severity)},
            {"WaitingTime", stage_case.waiting ? waiting_text(*stage_case.waiting, unit) : ""}};
        for (const StateColumn& attribute : attributes) {
            const auto value_row = attribute.current_row(view, stage_case.position, stage_case.c);
            row.push_back(value_row ? attribute.cell(*value_row) : Json());
            fields.emplace(attribute.name(), value_row ? attribute.text(*value_row) : "");
        }
        table.add_row(std::move(row));
        if (generate_alarms && stage_case.severity >= Severity::Medium) {
            alarms.add_row(
                {case_id, severity_name(stage_case.severity), fill_template(message, fields)});
        }
    }
    return tables_output({std::move(table), std::move(alarms)});
}

}  // namespace

std::vector<NamedImplementation> case_stage_implementations() {
    return {{"CalculatorCaseStage", case_stage}};
}

}  // namespace pmstudio::mining
