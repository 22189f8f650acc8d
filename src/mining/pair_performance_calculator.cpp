#include <algorithm>

#include "mining/calculators.h"
#include "mining/transition_statistics.h"

namespace pmstudio::mining {

// StatisticsType (1 Mean, 2 Median, 3 Max) orders the pairs, the slowest first.
OperatorOutput pair_performance_calculator(const AnalysisState& input,
                                           const OperatorSettings& settings,
                                           const OperatorContext&) {
    const eventlog::LogView& view = input.view;
    const double threshold = settings.number("CasePercentThreshold").value_or(0);
    const int64_t statistics_type = settings.integer("StatisticsType").value_or(1);
    const auto figure = [&](const TransitionStatistics& pair) {
        return statistics_type == 2   ? pair.durations.median_seconds
               : statistics_type == 3 ? pair.durations.max_seconds
                                      : pair.durations.mean_seconds;
    };
    std::vector<TransitionStatistics> pairs = activity_pair_statistics(view);
    std::erase_if(pairs, [&](const TransitionStatistics& pair) {
        return percent(pair.case_count, view.case_count()) < threshold;
    });
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](const auto& a, const auto& b) { return figure(a) > figure(b); });
    ResultTable table{.name = "Pairs"};
    table.column("Activity Pair", "string")
        .column("Case Count", "integer")
        .column("Mean Duration", "timespan")
        .column("Median Duration", "timespan")
        .column("Max Duration", "timespan");
    const std::vector<std::string>& names = view.log().activities;
    for (const TransitionStatistics& pair : pairs) {
        table.add_row({names[pair.from] + " -> " + names[pair.to], pair.case_count,
                       pair.durations.mean_seconds, pair.durations.median_seconds,
                       pair.durations.max_seconds});
    }
    return tables_output({std::move(table)});
}

}  // namespace pmstudio::mining
