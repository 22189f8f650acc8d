#pragma once

#include <cstdint>
#include <vector>

#include "eventlog/log_view.h"
#include "mining/duration_statistics.h"

namespace pmstudio::mining {

// PM4Py's get_all_case_durations and case statistics: a case lasts from its first to its last
// kept event's (end) timestamp.
struct CaseDurations {
    std::vector<int64_t> micros;  // per kept case position (~calc~CaseDuration)
    DurationStatistics statistics;
};

CaseDurations case_durations(const eventlog::LogView& view);

}  // namespace pmstudio::mining
