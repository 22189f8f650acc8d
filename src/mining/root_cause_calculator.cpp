// CalculatorDecisionTree: root causes of an outcome, found by a greedy rule search.
//
// The outcome is a set of cases: those passing FilterListSettings, or (when that list is empty)
// those whose boolean column OutcomeName holds. Conditions are "column = value" for the input
// columns (an event attribute's condition holds when some kept event of the case has the value)
// whose value covers at least CategoryPercentThreshold percent of the cases. From each condition
// the search narrows greedily, up to three conditions, adding the condition that raises the
// outcome rate most while keeping MinCaseCount cases and MinPercent percent of the outcome cases.
// Every rule met on the way is a candidate; a candidate is a root cause when its outcome rate
// exceeds the base rate by LikelihoodIncreaseThreshold percent. Root causes are then chosen like a
// set cover: each time the one explaining the most outcome cases not yet explained (ties: higher
// rate, fewer conditions), until MaximumRootCauses are chosen, PercentExplainedThreshold percent of
// the outcome cases are explained, or no candidate explains more.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/json_lookup.h"
#include "mining/analysis_calculator_parts.h"
#include "mining/filter_list.h"
#include "mining/state_column.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using eventlog::ValueType;
using Bits = std::vector<uint64_t>;  // one bit per kept case position

void set_bit(Bits& bits, size_t position) {
    bits[position >> 6] |= uint64_t{1} << (position & 63);
}

uint64_t count(const Bits& bits) {
    uint64_t total = 0;
    for (uint64_t word : bits) total += static_cast<uint64_t>(std::popcount(word));
    return total;
}

Bits both(const Bits& a, const Bits& b) {
    Bits out(a.size());
    for (size_t i = 0; i < a.size(); ++i) out[i] = a[i] & b[i];
    return out;
}

// The cases in `cases` and `outcome` but not in `explained`, counted without building the set.
uint64_t count_unexplained(const Bits& cases, const Bits& outcome, const Bits& explained) {
    uint64_t total = 0;
    for (size_t i = 0; i < cases.size(); ++i) {
        total += static_cast<uint64_t>(std::popcount(cases[i] & outcome[i] & ~explained[i]));
    }
    return total;
}

struct Condition {
    size_t column;
    std::string value;
    Bits cases;
};

struct Rule {
    std::vector<size_t> conditions;  // indices into the conditions, ascending
    Bits cases;
    uint64_t case_count = 0;
    uint64_t outcome_count = 0;

    double rate() const {
        return static_cast<double>(outcome_count) / static_cast<double>(case_count);
    }
};

bool has_entries(const Json& filter_list) {
    const Json* entries = find_member_ignoring_case(filter_list, "FilterSettingsList");
    return entries != nullptr && entries->is_array() && !entries->empty();
}

// The outcome cases, and the column that defines them (empty for a filter list).
std::pair<Bits, std::string> outcome_of(const AnalysisState& input,
                                        const OperatorSettings& settings,
                                        const OperatorContext& context) {
    const LogView& view = input.view;
    Bits outcome((view.case_count() + 63) / 64, 0);
    const Json filter_list = settings.json("FilterListSettings");
    if (has_entries(filter_list)) {
        const auto& kept = apply_filter_list(input, filter_list, context).view.cases();
        // Both lists are ascending case indices.
        auto next = kept.begin();
        for (size_t position = 0; position < view.case_count() && next != kept.end(); ++position) {
            if (view.cases()[position] != *next) continue;
            set_bit(outcome, position);
            ++next;
        }
        return {outcome, ""};
    }
    const auto name = settings.text("OutcomeName");
    if (!name) {
        throw OperatorError(
            "CalculatorDecisionTree needs an outcome: FilterListSettings selecting the outcome "
            "cases, or OutcomeName naming a boolean column");
    }
    const StateColumn column(input, *name, "OutcomeName");
    if (column.type() != ValueType::Boolean) {
        throw OperatorError(
            fmt::format("Column '{}' of setting OutcomeName must be boolean, not {}", *name,
                        eventlog::value_type_name(column.type())));
    }
    for (size_t position = 0; position < view.case_count(); ++position) {
        if (column.holds_for_case(view, position, view.cases()[position])) {
            set_bit(outcome, position);
        }
    }
    return {outcome, *name};
}

// InputColumnNames, or with AutoInput the categorical (text and boolean) columns: the activity
// and resource columns, case and event attributes and derived attributes.
std::vector<StateColumn> input_columns(const AnalysisState& state, const OperatorSettings& settings,
                                       const std::string& outcome_column) {
    std::vector<StateColumn> columns;
    const std::vector<std::string> names = settings.strings("InputColumnNames");
    columns.reserve(names.size());
    for (const std::string& name : names) columns.emplace_back(state, name, "InputColumnNames");
    if (!names.empty()) return columns;
    if (!settings.boolean("AutoInput").value_or(true)) {
        throw OperatorError(
            "Setting 'InputColumnNames' of CalculatorDecisionTree is required when AutoInput is "
            "off");
    }
    const eventlog::EventLog& log = state.view.log();
    std::vector<std::string> candidates = {log.metadata.activity_column,
                                           log.metadata.resource_column};
    for (const auto* attributes : {&log.case_attributes, &log.event_attributes}) {
        for (const auto& column : *attributes) candidates.push_back(column.name);
    }
    if (state.derived_attributes) {
        for (const auto& column : *state.derived_attributes) candidates.push_back(column.name);
    }
    for (const std::string& name : candidates) {
        if (name.empty() || name == outcome_column || name == log.metadata.case_id_column) continue;
        StateColumn column(state, name, "AutoInput");
        if (column.type() == ValueType::String || column.type() == ValueType::Boolean) {
            columns.push_back(std::move(column));
        }
    }
    return columns;
}

// The conditions whose cases are at least `min_cases` and not all cases.
std::vector<Condition> conditions_of(const LogView& view, const std::vector<StateColumn>& columns,
                                     uint64_t min_cases) {
    std::vector<Condition> out;
    std::map<std::string, Bits> by_value;
    for (size_t k = 0; k < columns.size(); ++k) {
        const StateColumn& column = columns[k];
        by_value.clear();
        const auto add = [&](size_t row, size_t position) {
            if (column.is_null(row)) return;
            Bits& bits = by_value[column.text(row)];
            bits.resize((view.case_count() + 63) / 64, 0);
            set_bit(bits, position);
        };
        for (size_t position = 0; position < view.case_count(); ++position) {
            const uint32_t c = view.cases()[position];
            if (!column.event_level()) {
                add(column.case_row(position, c), position);
            } else {
                view.for_each_event(c, [&](uint32_t e) { add(e, position); });
            }
        }
        for (auto& [value, bits] : by_value) {
            const uint64_t support = count(bits);
            if (support >= min_cases && support < view.case_count()) {
                out.push_back({k, value, std::move(bits)});
            }
        }
    }
    return out;
}

struct Limits {
    uint64_t min_cases;
    uint64_t min_outcomes;
};

// The candidates met narrowing from each condition, one per set of cases (the fewest conditions).
std::vector<Rule> candidate_rules(const std::vector<Condition>& conditions, const Bits& outcome,
                                  const Limits& limits) {
    constexpr size_t kMaxConditions = 3;
    std::vector<Rule> candidates;
    std::map<Bits, size_t> by_cases;
    const auto keep = [&](const Rule& rule) {
        const auto [found, added] = by_cases.emplace(rule.cases, candidates.size());
        if (added) {
            candidates.push_back(rule);
        } else if (rule.conditions.size() < candidates[found->second].conditions.size()) {
            candidates[found->second] = rule;
        }
    };
    const auto rule_of = [&](std::vector<size_t> indices, Bits cases) {
        Rule rule{std::move(indices), std::move(cases)};
        std::sort(rule.conditions.begin(), rule.conditions.end());
        rule.case_count = count(rule.cases);
        rule.outcome_count = count(both(rule.cases, outcome));
        return rule;
    };
    const auto allowed = [&](const Rule& rule) {
        return rule.case_count >= limits.min_cases && rule.outcome_count >= limits.min_outcomes;
    };
    for (size_t start = 0; start < conditions.size(); ++start) {
        Rule rule = rule_of({start}, conditions[start].cases);
        if (!allowed(rule)) continue;
        keep(rule);
        while (rule.conditions.size() < kMaxConditions) {
            std::optional<Rule> best;
            for (size_t next = 0; next < conditions.size(); ++next) {
                if (std::find(rule.conditions.begin(), rule.conditions.end(), next) !=
                    rule.conditions.end()) {
                    continue;
                }
                std::vector<size_t> indices = rule.conditions;
                indices.push_back(next);
                Rule narrower =
                    rule_of(std::move(indices), both(rule.cases, conditions[next].cases));
                if (!allowed(narrower) || narrower.case_count == rule.case_count) continue;
                if (!best || narrower.rate() > best->rate() ||
                    (narrower.rate() == best->rate() && narrower.case_count > best->case_count)) {
                    best = std::move(narrower);
                }
            }
            if (!best || best->rate() <= rule.rate()) break;
            rule = std::move(*best);
            keep(rule);
        }
    }
    return candidates;
}

std::string label_of(const Rule& rule, const std::vector<Condition>& conditions,
                     const std::vector<StateColumn>& columns) {
    std::vector<const Condition*> parts;
    for (size_t index : rule.conditions) parts.push_back(&conditions[index]);
    std::sort(parts.begin(), parts.end(), [](const Condition* a, const Condition* b) {
        return std::tie(a->column, a->value) < std::tie(b->column, b->value);
    });
    std::string out;
    for (const Condition* part : parts) {
        if (!out.empty()) out += " AND ";
        out += fmt::format("{} = {}", columns[part->column].name(), part->value);
    }
    return out;
}

OperatorOutput decision_tree(const AnalysisState& input, const OperatorSettings& settings,
                             const OperatorContext& context) {
    const LogView& view = input.view;
    const auto [outcome, outcome_column] = outcome_of(input, settings, context);
    const std::vector<StateColumn> columns = input_columns(input, settings, outcome_column);
    const auto cases = static_cast<double>(view.case_count());
    const uint64_t outcomes = count(outcome);
    const double base_rate = cases == 0 ? 0 : static_cast<double>(outcomes) / cases;

    const auto percent = [&](const char* key) { return settings.number(key).value_or(0) / 100; };
    const auto category_cases =
        static_cast<uint64_t>(std::ceil(percent("CategoryPercentThreshold") * cases));
    const Limits limits{
        static_cast<uint64_t>(std::max<int64_t>(settings.integer("MinCaseCount").value_or(1), 1)),
        std::max<uint64_t>(
            static_cast<uint64_t>(std::ceil(percent("MinPercent") * static_cast<double>(outcomes))),
            1)};
    const double required_rate = base_rate * (1 + percent("LikelihoodIncreaseThreshold"));
    const double explained_target = percent("PercentExplainedThreshold");
    const auto maximum = settings.integer("MaximumRootCauses").value_or(10);

    const std::vector<Condition> conditions =
        conditions_of(view, columns, std::max(category_cases, uint64_t{1}));
    std::vector<Rule> candidates = candidate_rules(conditions, outcome, limits);
    std::erase_if(candidates, [&](const Rule& rule) {
        return rule.rate() <= base_rate || rule.rate() < required_rate;
    });

    ResultTable table{.name = "RootCauses"};
    table.column("Root Cause", "string")
        .column("Case Count", "integer")
        .column("Outcome Count", "integer")
        .column("Outcome Rate", "double")
        .column("Lift", "double");
    Bits explained(outcome.size(), 0);
    uint64_t explained_count = 0;
    while (static_cast<int64_t>(table.rows.size()) < maximum && outcomes != 0 &&
           static_cast<double>(explained_count) <
               explained_target * static_cast<double>(outcomes)) {
        const Rule* best = nullptr;
        uint64_t best_new = 0;
        for (const Rule& rule : candidates) {
            const uint64_t fresh = count_unexplained(rule.cases, outcome, explained);
            const bool better =
                fresh > best_new || (fresh == best_new && best != nullptr &&
                                     (rule.rate() > best->rate() ||
                                      (rule.rate() == best->rate() &&
                                       rule.conditions.size() < best->conditions.size())));
            if (fresh != 0 && better) {
                best = &rule;
                best_new = fresh;
            }
        }
        if (best == nullptr) break;
        for (size_t i = 0; i < explained.size(); ++i) explained[i] |= best->cases[i] & outcome[i];
        explained_count += best_new;
        table.add_row({label_of(*best, conditions, columns), best->case_count, best->outcome_count,
                       100 * best->rate(), best->rate() / base_rate});
    }
    OperatorOutput output = tables_output({std::move(table)});
    output.details = {
        {"outcomeName", settings.text("OutcomeName").value_or("")},
        {"caseCount", view.case_count()},
        {"outcomeCount", outcomes},
        {"baseRate", 100 * base_rate},
        {"percentExplained", outcomes == 0 ? 0.0
                                           : 100.0 * static_cast<double>(explained_count) /
                                                 static_cast<double>(outcomes)}};
    return output;
}

}  // namespace

std::vector<NamedImplementation> root_cause_implementations() {
    return {{"CalculatorDecisionTree", decision_tree}};
}

}  // namespace pmstudio::mining
