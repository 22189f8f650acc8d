#pragma once

// The groups that make up analysis_calculator_implementations(), one source file each, and what
// they share.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// case_stage_calculator.cpp: CalculatorCaseStage.
std::vector<NamedImplementation> case_stage_implementations();
// aggregate_calculators.cpp: CalculatorRate, CalculatorTrend, CalculatorValueOverTime,
// CalculatorPivotOneRow.
std::vector<NamedImplementation> aggregate_calculator_implementations();
// conformance_calculators.cpp: CalculatorConformance, CalculatorProcessPerformanceMatrix,
// CalculatorResourcePerformanceVsConformance.
std::vector<NamedImplementation> conformance_calculator_implementations();
// root_cause_calculator.cpp: CalculatorDecisionTree.
std::vector<NamedImplementation> root_cause_implementations();

// CalculatorTrend's comparison of group 1 (the baseline) with group 2: the change (2 - 1), its
// percent of |group 1| (undefined for 0) and whether it is good (undefined without a change).
struct TrendChange {
    std::optional<double> change;
    std::optional<double> percent;
    std::optional<bool> good;
};
TrendChange trend_change(std::optional<double> group1, std::optional<double> group2,
                         bool increase_good);

// A "Values" table of Name (string) and Value (double) rows.
ResultTable values_table(const std::vector<std::pair<std::string, Json>>& rows);
// A double cell, null when undefined.
Json number_cell(std::optional<double> value);
// An output of the given tables.

}  // namespace pmstudio::mining
