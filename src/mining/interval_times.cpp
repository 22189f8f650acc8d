#include "mining/interval_times.h"

#include <algorithm>
#include <map>

namespace pmstudio::mining {
namespace {

using eventlog::EventLog;

int64_t start_of(const EventLog& log, uint32_t e) {
    return log.has_start_time() && log.start_time[e] != eventlog::kNoTime ? log.start_time[e]
                                                                          : log.timestamp[e];
}

}  // namespace

std::vector<DurationStatistics> service_times(const eventlog::LogView& view) {
    const EventLog& log = view.log();
    std::vector<std::vector<int64_t>> per_activity(log.activities.size());
    for (uint32_t c : view.cases()) {
        view.for_each_event(c, [&](uint32_t e) {
            per_activity[log.activity[e]].push_back(log.timestamp[e] - start_of(log, e));
        });
    }
    std::vector<DurationStatistics> out;
    out.reserve(per_activity.size());
    for (auto& micros : per_activity) out.push_back(duration_statistics(std::move(micros)));
    return out;
}

std::vector<WaitingTimeEdge> waiting_times(const eventlog::LogView& view) {
    const EventLog& log = view.log();
    std::map<std::pair<uint32_t, uint32_t>, std::vector<int64_t>> per_edge;
    for (uint32_t c : view.cases()) {
        uint32_t previous = view.first_event(c);
        view.for_each_event(c, [&](uint32_t e) {
            if (e == previous) return;
            per_edge[{log.activity[previous], log.activity[e]}].push_back(
                std::max<int64_t>(0, start_of(log, e) - log.timestamp[previous]));
            previous = e;
        });
    }
    std::vector<WaitingTimeEdge> out;
    out.reserve(per_edge.size());
    for (auto& [edge, micros] : per_edge) {
        out.push_back({edge.first, edge.second, duration_statistics(std::move(micros))});
    }
    return out;
}

}  // namespace pmstudio::mining
