#include <algorithm>
#include <cstdint>

#include "eventlog/case_variants.h"
#include "eventlog/time_format.h"
#include "mining/calculators.h"
#include "mining/case_durations.h"

namespace pmstudio::mining {

ResultTable variants_table(const eventlog::LogView& view, const eventlog::CaseVariants& variants,
                           const std::vector<int64_t>& case_micros, std::optional<size_t> limit) {
    const size_t rows = std::min(variants.variants.size(), limit.value_or(SIZE_MAX));
    std::vector<__int128> total_micros(rows, 0);  // exact for any number of any durations
    for (size_t p = 0; p < variants.variant_of_case.size(); ++p) {
        const uint32_t v = variants.variant_of_case[p];
        if (v < rows) total_micros[v] += case_micros[p];
    }
    ResultTable table{.name = "Variants"};
    table.column("Variant", "string")
        .column("Activities", "string")
        .column("Count", "integer")
        .column("Percent", "double")
        .column("Mean Duration", "timespan");
    for (size_t v = 0; v < rows; ++v) {
        const eventlog::Variant& variant = variants.variants[v];
        std::string activities;
        for (size_t i = 0; i < variant.activities.size(); ++i) {
            if (i > 0) activities += " -> ";
            activities += view.log().activities[variant.activities[i]];
        }
        const double mean_micros =
            static_cast<double>(total_micros[v]) / static_cast<double>(variant.case_count);
        table.add_row({variant.id, activities, variant.case_count,
                       percent(variant.case_count, view.case_count()),
                       mean_micros / static_cast<double>(eventlog::kMicrosPerSecond)});
    }
    return table;
}

OperatorOutput variants_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                   const OperatorContext&) {
    const eventlog::LogView& view = input.view;
    return tables_output(
        {variants_table(view, input.figures->variants(), input.figures->case_durations().micros,
                        row_limit(settings, "TopN"))});
}

}  // namespace pmstudio::mining
