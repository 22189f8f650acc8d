#pragma once

#include <cstdint>
#include <vector>

#include "eventlog/log_view.h"
#include "mining/duration_statistics.h"

namespace pmstudio::mining {

// A pair of activities (from, to) seen in sequence among the kept events of cases: how many
// cases show it, and the durations of its occurrences (durations.count is the number of them).
struct TransitionStatistics {
    uint32_t from = 0;  // activity codes
    uint32_t to = 0;
    uint64_t case_count = 0;
    DurationStatistics durations;
};

// The directly-follows graph: each kept event and the next kept event of its case, the duration
// from the (end) timestamp of the first to that of the second. Counts and means equal PM4Py's
// discover_dfg and discover_performance_dfg. Ordered by (from, to).
std::vector<TransitionStatistics> directly_follows_statistics(const eventlog::LogView& view);

// Each run of consecutive kept events with the same activity and the next event (whose activity
// differs), the duration from the timestamp of the run's first event to that of the next.
// Ordered by (from, to).
std::vector<TransitionStatistics> activity_pair_statistics(const eventlog::LogView& view);

}  // namespace pmstudio::mining
