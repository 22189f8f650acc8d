#include "mining/overview_figures.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "eventlog/case_variants.h"
#include "eventlog/time_format.h"
#include "mining/calculators.h"
#include "mining/case_durations.h"
#include "mining/directly_follows.h"
#include "mining/frequencies.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

Figure integer_figure(std::string name, uint64_t value) {
    return {std::move(name), "integer", value, static_cast<double>(value)};
}

Figure double_figure(std::string name, std::string type, double value) {
    return {std::move(name), std::move(type), value, value};
}

uint64_t non_zero(const std::vector<uint64_t>& counts) {
    return static_cast<uint64_t>(
        std::count_if(counts.begin(), counts.end(), [](uint64_t count) { return count != 0; }));
}

// Cases whose end activity never has a different activity directly after it in the view.
uint64_t completed_cases(const LogView& view, const EndpointActivities& endpoints) {
    std::vector<char> continues(view.log().activities.size(), 0);
    for (const DirectlyFollowsEdge& edge : directly_follows(view)) {
        if (edge.from != edge.to) continues[edge.from] = 1;
    }
    uint64_t completed = 0;
    for (size_t code = 0; code < continues.size(); ++code) {
        if (continues[code] == 0) completed += endpoints.end[code];
    }
    return completed;
}

}  // namespace

std::vector<Figure> data_information_figures(const AnalysisState& state) {
    const LogView& view = state.view;
    const eventlog::EventLog& log = view.log();
    int64_t first = std::numeric_limits<int64_t>::max();
    int64_t last = std::numeric_limits<int64_t>::min();
    for (uint32_t c : view.cases()) {
        first = std::min(first, log.timestamp[view.first_event(c)]);
        last = std::max(last, log.timestamp[view.last_event(c)]);
    }
    const bool empty = view.case_count() == 0;
    const auto datetime_figure = [&](std::string name, int64_t micros) {
        if (empty) return Figure{std::move(name), "datetime", nullptr, std::nan("")};
        return Figure{std::move(name), "datetime", eventlog::format_utc(micros),
                      timespan_seconds(micros)};
    };
    const DurationStatistics& durations = state.figures->case_durations().statistics;
    std::vector<Figure> figures;
    figures.push_back(integer_figure("Total Case Count", view.case_count()));
    figures.push_back(integer_figure("Total Activity Count", view.event_count()));
    figures.push_back(
        integer_figure("Activities", non_zero(state.figures->activity_frequencies().events)));
    figures.push_back(datetime_figure("Start Dataset Time", first));
    figures.push_back(datetime_figure("End Dataset Time", last));
    figures.push_back(double_figure("Dataset Timespan", "timespan",
                                    empty ? 0.0 : timespan_seconds(last - first)));
    figures.push_back(double_figure("Average Case Time", "timespan", durations.mean_seconds));
    figures.push_back(double_figure("Median Case Time", "timespan", durations.median_seconds));
    figures.push_back(integer_figure("Variants", state.figures->variants().variants.size()));
    figures.push_back(
        integer_figure("Resources", non_zero(state.figures->resource_frequencies().events)));
    return figures;
}

std::vector<Figure> overview_figures(const AnalysisState& state) {
    const LogView& view = state.view;
    std::vector<Figure> figures = data_information_figures(state);
    const EndpointActivities endpoints = endpoint_activities(view);
    const uint64_t cases = view.case_count();
    const uint64_t completed = completed_cases(view, endpoints);
    figures.push_back(integer_figure("Start Activities", non_zero(endpoints.start)));
    figures.push_back(integer_figure("End Activities", non_zero(endpoints.end)));
    figures.push_back(double_figure(
        "Mean Events Per Case", "double",
        cases == 0 ? 0.0 : static_cast<double>(view.event_count()) / static_cast<double>(cases)));
    figures.push_back(integer_figure("Completed Cases", completed));
    figures.push_back(integer_figure("Open Cases", cases - completed));
    return figures;
}

}  // namespace pmstudio::mining
