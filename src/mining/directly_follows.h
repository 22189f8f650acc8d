#pragma once

#include <cstdint>
#include <vector>

#include "eventlog/log_view.h"

namespace pmstudio::mining {

// An edge of the directly-follows graph: `to` follows `from` immediately among a case's kept
// events. Equal to PM4Py's discover_dfg count and discover_performance_dfg mean: the gap is
// timestamp(next) - timestamp(previous), both the events' end timestamps.
struct DirectlyFollowsEdge {
    uint32_t from = 0;  // activity codes
    uint32_t to = 0;
    uint64_t count = 0;
    double mean_seconds = 0;
};

// Every edge with count > 0, ordered by (from, to). One pass over the kept events, in parallel
// over case ranges.
std::vector<DirectlyFollowsEdge> directly_follows(const eventlog::LogView& view);

}  // namespace pmstudio::mining
