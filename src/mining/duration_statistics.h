#pragma once

#include <cstdint>
#include <vector>

namespace pmstudio::mining {

// Aggregates of a set of durations, in seconds (PM4Py's unit).
struct DurationStatistics {
    uint64_t count = 0;
    double mean_seconds = 0;
    double median_seconds = 0;  // the mean of the two middle values for an even count (numpy)
    double min_seconds = 0;
    double max_seconds = 0;
};

// The statistics of durations given in microseconds; all zero for none.
DurationStatistics duration_statistics(std::vector<int64_t> micros);

}  // namespace pmstudio::mining
