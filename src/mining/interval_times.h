#pragma once

#include <cstdint>
#include <vector>

#include "eventlog/log_view.h"
#include "mining/duration_statistics.h"

namespace pmstudio::mining {

// Interval-aware figures for logs with start times. An event without a start time (or any event
// of a log without that column) counts as instantaneous: start = end.

// Per activity code: the service times, end - start of the same event, of its kept events
// (PM4Py's get_service_time with start_timestamp_key).
std::vector<DurationStatistics> service_times(const eventlog::LogView& view);

// The waiting time between directly following kept events of a case: from the end of the first
// to the start of the second, 0 when they overlap (PM4Py's interval performance DFG). Events
// follow each other in the canonical order (by end timestamp).
struct WaitingTimeEdge {
    uint32_t from = 0;  // activity codes
    uint32_t to = 0;
    DurationStatistics waiting;
};

// Every edge of the directly-follows graph, ordered by (from, to).
std::vector<WaitingTimeEdge> waiting_times(const eventlog::LogView& view);

}  // namespace pmstudio::mining
