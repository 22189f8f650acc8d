#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mining/analysis_state.h"
#include "mining/operator_settings.h"
#include "mining/result_table.h"

namespace pmstudio::mining {

// What an operator can see besides its input and settings.
struct OperatorContext {
    int64_t now = 0;  // the execution's wall-clock time, microseconds since 1970 UTC
    // The result tables of another block of the notebook (selectors read their calculator's);
    // nullptr when that block has no result.
    std::function<const std::vector<ResultTable>*(const std::string& block_id)> block_tables;
};

// What an operator produced. Filters and enrichment operators set `state` (the narrower or
// enriched view the next block receives); calculators, alerts and selectors leave it empty (the
// input passes on unchanged) and give `tables`.
struct OperatorOutput {
    std::optional<AnalysisState> state;
    std::vector<ResultTable> tables;
    std::optional<bool> alert_triggered;  // alerts: whether the alert fired
    Json details = Json::object();        // further outcome fields, e.g. UsedStartDate
};

// The output of an operator that only produces tables (calculators).
OperatorOutput tables_output(std::vector<ResultTable> tables);

using OperatorImplementation = OperatorOutput (*)(const AnalysisState& input,
                                                  const OperatorSettings& settings,
                                                  const OperatorContext& context);

struct NamedImplementation {
    const char* operator_name;  // the catalog's Studio name
    OperatorImplementation run;
};

// The implementation of a catalog operator, or nullptr when it has none.
OperatorImplementation find_implementation(std::string_view operator_name);

// Runs a block: resolves `operator_name` and `configuration` (either dialect, a JSON object as
// text) against the catalog, applies `parameters` over the settings and runs the operator.
// Throws OperatorError naming the problem (unknown operator, bad setting, unknown column, ...).
OperatorOutput run_operator(std::string_view operator_name, std::string_view configuration,
                            const AnalysisState& input, const OperatorContext& context,
                            const std::map<std::string, Json>& parameters = {});

}  // namespace pmstudio::mining
