#include "mining/duration_statistics.h"

#include <algorithm>

#include "eventlog/time_format.h"

namespace pmstudio::mining {
namespace {

double seconds(double micros) {
    return micros / static_cast<double>(eventlog::kMicrosPerSecond);
}

}  // namespace

DurationStatistics duration_statistics(std::vector<int64_t> micros) {
    DurationStatistics out;
    if (micros.empty()) return out;
    out.count = micros.size();
    __int128 total = 0;  // exact for any number of any durations
    for (int64_t value : micros) total += value;
    out.mean_seconds = seconds(static_cast<double>(total) / static_cast<double>(micros.size()));
    const auto [min, max] = std::minmax_element(micros.begin(), micros.end());
    out.min_seconds = seconds(static_cast<double>(*min));
    out.max_seconds = seconds(static_cast<double>(*max));
    const auto middle = micros.begin() + static_cast<std::ptrdiff_t>(micros.size() / 2);
    std::nth_element(micros.begin(), middle, micros.end());
    double median = static_cast<double>(*middle);
    if (micros.size() % 2 == 0) {
        median = (median + static_cast<double>(*std::max_element(micros.begin(), middle))) / 2;
    }
    out.median_seconds = seconds(median);
    return out;
}

}  // namespace pmstudio::mining
