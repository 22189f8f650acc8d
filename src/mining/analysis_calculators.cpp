#include "mining/analysis_calculators.h"

#include "mining/analysis_calculator_parts.h"

namespace pmstudio::mining {

ResultTable values_table(const std::vector<std::pair<std::string, Json>>& rows) {
    ResultTable table{.name = "Values"};
    table.column("Name", "string").column("Value", "double");
    for (const auto& [name, value] : rows) table.add_row({name, value});
    return table;
}

Json number_cell(std::optional<double> value) {
    return value ? Json(*value) : Json();
}

std::vector<NamedImplementation> analysis_calculator_implementations() {
    std::vector<NamedImplementation> all;
    for (const auto& group :
         {case_stage_implementations(), aggregate_calculator_implementations(),
          conformance_calculator_implementations(), root_cause_implementations()}) {
        all.insert(all.end(), group.begin(), group.end());
    }
    return all;
}

}  // namespace pmstudio::mining
