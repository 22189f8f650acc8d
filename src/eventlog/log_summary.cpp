#include "eventlog/log_summary.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace pmstudio::eventlog {

LogSummary summarize(const EventLog& log) {
    LogSummary summary;
    summary.events = log.event_count();
    summary.cases = log.case_count();
    std::vector<size_t> per_activity(log.activities.size(), 0);
    for (uint32_t code : log.activity) ++per_activity[code];
    for (size_t code = 0; code < per_activity.size(); ++code) {
        if (per_activity[code] > 0) summary.activities[log.activities[code]] = per_activity[code];
    }
    // A variant is the case's activity codes, byte for byte.
    std::unordered_set<std::string_view> variants;
    for (size_t c = 0; c < log.case_count(); ++c) {
        const uint32_t begin = log.case_offsets[c];
        const uint32_t end = log.case_offsets[c + 1];
        if (begin == end) continue;
        ++summary.start_activities[log.activities[log.activity[begin]]];
        ++summary.end_activities[log.activities[log.activity[end - 1]]];
        variants.emplace(reinterpret_cast<const char*>(log.activity.data() + begin),
                         (end - begin) * sizeof(uint32_t));
    }
    summary.variants = variants.size();
    if (!log.timestamp.empty()) {
        const auto [first, last] = std::minmax_element(log.timestamp.begin(), log.timestamp.end());
        summary.first_timestamp = *first;
        summary.last_timestamp = *last;
    }
    return summary;
}

}  // namespace pmstudio::eventlog
