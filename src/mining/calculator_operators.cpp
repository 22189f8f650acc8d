#include "mining/calculator_operators.h"

#include <fmt/format.h>

#include <algorithm>

#include "eventlog/time_format.h"
#include "mining/calculators.h"

namespace pmstudio::mining {
namespace {

OperatorOutput case_count(const AnalysisState& input, const OperatorSettings&,
                          const OperatorContext&) {
    ResultTable values{.name = "Values"};
    values.column("Name", "string").column("Value", "integer");
    values.add_row({"Case Count", input.view.case_count()});
    return tables_output({std::move(values)});
}

}  // namespace

double timespan_seconds(int64_t micros) {
    return static_cast<double>(micros) / static_cast<double>(eventlog::kMicrosPerSecond);
}

double percent(uint64_t part, uint64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) * 100.0 / static_cast<double>(whole);
}

std::optional<size_t> row_limit(const OperatorSettings& settings, std::string_view key) {
    const auto limit = settings.integer(key);
    if (limit && *limit < 0) {
        throw OperatorError(fmt::format("Setting '{}' of {} must not be negative, got {}", key,
                                        settings.operator_name(), *limit));
    }
    if (!limit || *limit == 0) return std::nullopt;
    return static_cast<size_t>(*limit);
}

std::vector<uint32_t> most_frequent_first(const std::vector<uint64_t>& counts,
                                          std::optional<size_t> limit) {
    std::vector<uint32_t> codes;
    for (uint32_t code = 0; code < counts.size(); ++code) {
        if (counts[code] != 0) codes.push_back(code);
    }
    std::stable_sort(codes.begin(), codes.end(),
                     [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
    if (limit && codes.size() > *limit) codes.resize(*limit);
    return codes;
}

std::vector<NamedImplementation> calculator_implementations() {
    return {
        {"CalculatorCaseCount", case_count},
        {"CalculatorDataInformation", data_information_calculator},
        {"CalculatorOverview", overview_calculator},
        {"CalculatorFormula", formula_calculator},
        {"CalculatorActivityFrequency", activity_frequency_calculator},
        {"CalculatorResourceFrequency", resource_frequency_calculator},
        {"CalculatorProcessFollows", process_map_calculator},
        {"CalculatorVariants", variants_calculator},
        {"CalculatorCaseDuration", case_duration_calculator},
        {"CalculatorPairPerformance", pair_performance_calculator},
    };
}

}  // namespace pmstudio::mining
