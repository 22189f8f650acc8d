#include <algorithm>

#include "eventlog/case_variants.h"
#include "mining/calculators.h"
#include "mining/case_durations.h"
#include "mining/frequencies.h"
#include "mining/interval_times.h"
#include "mining/transition_statistics.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// With start times a node also gets the service times of its events.
ResultTable nodes_table(const LogView& view, const CodeFrequencies& frequencies,
                        const EndpointActivities& endpoints) {
    const eventlog::EventLog& log = view.log();
    ResultTable table{.name = "Nodes"};
    table.column("Activity", "string")
        .column("Count", "integer")
        .column("Case Count", "integer")
        .column("Is Start", "boolean")
        .column("Is End", "boolean");
    std::vector<DurationStatistics> service;
    if (log.has_start_time()) {
        service = service_times(view);
        table.column("Mean Service Time", "timespan")
            .column("Median Service Time", "timespan")
            .column("Max Service Time", "timespan");
    }
    for (uint32_t code : most_frequent_first(frequencies.events)) {
        Json row =
            Json::array({log.activities[code], frequencies.events[code], frequencies.cases[code],
                         endpoints.start[code] != 0, endpoints.end[code] != 0});
        if (!service.empty()) {
            row.push_back(service[code].mean_seconds);
            row.push_back(service[code].median_seconds);
            row.push_back(service[code].max_seconds);
        }
        table.add_row(std::move(row));
    }
    return table;
}

// With start times an edge's durations are waiting times (end of an event to the start of the
// next), else the time between the two events' timestamps as PM4Py measures it.
ResultTable edges_table(const LogView& view) {
    const eventlog::EventLog& log = view.log();
    std::vector<TransitionStatistics> edges = directly_follows_statistics(view);
    if (log.has_start_time()) {
        const std::vector<WaitingTimeEdge> waiting = waiting_times(view);
        // Both list every edge of the view, ordered by (from, to).
        for (size_t i = 0; i < edges.size(); ++i) edges[i].durations = waiting[i].waiting;
    }
    std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
        return a.durations.count > b.durations.count;
    });
    ResultTable table{.name = "Edges"};
    table.column("From", "string")
        .column("To", "string")
        .column("Count", "integer")
        .column("Case Count", "integer")
        .column("Mean Duration", "timespan")
        .column("Median Duration", "timespan")
        .column("Max Duration", "timespan");
    for (const TransitionStatistics& edge : edges) {
        table.add_row({log.activities[edge.from], log.activities[edge.to], edge.durations.count,
                       edge.case_count, edge.durations.mean_seconds, edge.durations.median_seconds,
                       edge.durations.max_seconds});
    }
    return table;
}

// StartActivities or EndActivities: the cases starting (ending) with each activity.
ResultTable endpoint_table(const LogView& view, const char* name,
                           const std::vector<uint64_t>& counts) {
    ResultTable table{.name = name};
    table.column("Activity", "string").column("Count", "integer");
    for (uint32_t code : most_frequent_first(counts)) {
        table.add_row({view.log().activities[code], counts[code]});
    }
    return table;
}

ResultTable durations_table(const LogView& view) {
    ResultTable table{.name = "Durations"};
    table.column("Name", "string").column("Value", "string");
    table.add_row({"Edge Duration", view.log().has_start_time() ? "Waiting" : "EndToEnd"});
    return table;
}

}  // namespace

OperatorOutput process_map_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                      const OperatorContext&) {
    const LogView& view = input.view;
    const EndpointActivities endpoints = endpoint_activities(view);
    std::vector<ResultTable> tables;
    tables.push_back(nodes_table(view, input.figures->activity_frequencies(), endpoints));
    tables.push_back(edges_table(view));
    tables.push_back(endpoint_table(view, "StartActivities", endpoints.start));
    tables.push_back(endpoint_table(view, "EndActivities", endpoints.end));
    tables.push_back(variants_table(view, input.figures->variants(),
                                    input.figures->case_durations().micros,
                                    row_limit(settings, "DefaultTopNVariants")));
    tables.push_back(durations_table(view));
    return tables_output(std::move(tables));
}

}  // namespace pmstudio::mining
