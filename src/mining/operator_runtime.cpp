#include "mining/operator_runtime.h"

#include <fmt/format.h>

#include <stdexcept>

#include "common/text.h"
#include "mining/alert_operators.h"
#include "mining/analysis_calculators.h"
#include "mining/block_validator.h"
#include "mining/calculator_operators.h"
#include "mining/enrichment_operators.h"
#include "mining/filter_operators.h"
#include "mining/selector_operators.h"

namespace pmstudio::mining {
namespace {

// Every implemented operator, by group (one file per group).
const std::vector<NamedImplementation>& implementations() {
    static const std::vector<NamedImplementation> all = [] {
        std::vector<NamedImplementation> list;
        for (const auto& group :
             {filter_implementations(), enrichment_implementations(), calculator_implementations(),
              analysis_calculator_implementations(), alert_implementations(),
              selector_implementations()}) {
            list.insert(list.end(), group.begin(), group.end());
        }
        return list;
    }();
    return all;
}

}  // namespace

OperatorOutput tables_output(std::vector<ResultTable> tables) {
    OperatorOutput output;
    output.tables = std::move(tables);
    return output;
}

OperatorImplementation find_implementation(std::string_view operator_name) {
    for (const auto& entry : implementations()) {
        if (iequals(entry.operator_name, operator_name)) return entry.run;
    }
    return nullptr;
}

OperatorOutput run_operator(std::string_view operator_name, std::string_view configuration,
                            const AnalysisState& input, const OperatorContext& context,
                            const std::map<std::string, Json>& parameters) {
    if (operator_name.empty() && (configuration.empty() || configuration == "{}")) {
        throw OperatorError("The block has no operator yet: set operatorName and configuration");
    }
    const auto checked = check_block(operator_name, nlohmann::json(std::string(configuration)));
    if (!checked.errors.empty()) throw OperatorError(checked.errors.front());
    const Json& spec = *checked.match.spec;
    const auto& name = spec.at("name").get_ref<const std::string&>();
    const auto run = find_implementation(name);
    // Every catalog operator has one (OperatorRuntimeTest.EveryCatalogOperatorHasAnImplementation).
    if (run == nullptr) throw std::logic_error("no implementation of operator " + name);
    Json values = configuration.empty() ? Json::object() : Json::parse(configuration);
    const OperatorSettings settings(spec, checked.match.simple_form, std::move(values), parameters);
    return run(input, settings, context);
}

}  // namespace pmstudio::mining
