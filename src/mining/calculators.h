#pragma once

// The calculator operators that calculator_implementations() lists (one file per group) and what
// they share.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventlog/case_variants.h"
#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// overview_calculators.cpp
OperatorOutput data_information_calculator(const AnalysisState& input,
                                           const OperatorSettings& settings,
                                           const OperatorContext& context);
OperatorOutput overview_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                   const OperatorContext& context);
OperatorOutput formula_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                  const OperatorContext& context);
// frequency_calculators.cpp
OperatorOutput activity_frequency_calculator(const AnalysisState& input,
                                             const OperatorSettings& settings,
                                             const OperatorContext& context);
OperatorOutput resource_frequency_calculator(const AnalysisState& input,
                                             const OperatorSettings& settings,
                                             const OperatorContext& context);
// process_map_calculator.cpp
OperatorOutput process_map_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                      const OperatorContext& context);
// variants_calculator.cpp
OperatorOutput variants_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                   const OperatorContext& context);
// case_duration_calculator.cpp
OperatorOutput case_duration_calculator(const AnalysisState& input,
                                        const OperatorSettings& settings,
                                        const OperatorContext& context);
// pair_performance_calculator.cpp
OperatorOutput pair_performance_calculator(const AnalysisState& input,
                                           const OperatorSettings& settings,
                                           const OperatorContext& context);

// variants_calculator.cpp: the Variants table — Variant (id), Activities ("A -> B -> C"), Count,
// Percent (of the view's cases), Mean Duration (of its cases; `case_micros` per kept case
// position) — most frequent first, the first `limit` variants.
ResultTable variants_table(const eventlog::LogView& view, const eventlog::CaseVariants& variants,
                           const std::vector<int64_t>& case_micros, std::optional<size_t> limit);

// calculator_operators.cpp
// Seconds of microseconds: timespan cells.
double timespan_seconds(int64_t micros);
// `part` of `whole` in percent; 0 when whole is 0.
double percent(uint64_t part, uint64_t whole);
// A row limit setting (MaxRows, TopN): nullopt when absent or 0 (every row); OperatorError when
// negative.
std::optional<size_t> row_limit(const OperatorSettings& settings, std::string_view key);
// The codes (of a sorted dictionary) with a non-zero count, most frequent first (equal counts by
// name), the first `limit`.
std::vector<uint32_t> most_frequent_first(const std::vector<uint64_t>& counts,
                                          std::optional<size_t> limit = std::nullopt);
// The output of a calculator: its tables.

}  // namespace pmstudio::mining
