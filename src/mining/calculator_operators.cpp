#include "mining/calculator_operators.h"

namespace pmstudio::mining {
namespace {

OperatorOutput case_count(const AnalysisState& input, const OperatorSettings&,
                          const OperatorContext&) {
    ResultTable values{.name = "Values"};
    values.column("Name", "string").column("Value", "integer");
    values.add_row({"Case Count", input.view.case_count()});
    OperatorOutput output;
    output.tables.push_back(std::move(values));
    return output;
}

}  // namespace

std::vector<NamedImplementation> calculator_implementations() {
    return {{"CalculatorCaseCount", case_count}};
}

}  // namespace pmstudio::mining
