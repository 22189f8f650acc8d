#include "eventlog/log_summary.h"

#include <algorithm>
#include <unordered_set>

namespace pmstudio::eventlog {
namespace {

struct SequenceHash {
    size_t operator()(const std::vector<uint32_t>& sequence) const {
        size_t hash = sequence.size();
        for (uint32_t code : sequence) hash = hash * 1000003u ^ code;
        return hash;
    }
};

}  // namespace

LogSummary summarize(const EventLog& log) {
    LogSummary summary;
    summary.events = static_cast<int64_t>(log.event_count());
    summary.cases = static_cast<int64_t>(log.case_count());
    std::vector<int64_t> activity_counts(log.activities.size(), 0);
    for (uint32_t code : log.activity) ++activity_counts[code];
    for (size_t code = 0; code < activity_counts.size(); ++code) {
        if (activity_counts[code] > 0) summary.activities[log.activities[code]] = activity_counts[code];
    }
    std::unordered_set<std::vector<uint32_t>, SequenceHash> variants;
    for (size_t c = 0; c < log.case_count(); ++c) {
        const uint32_t first = log.case_offsets[c];
        const uint32_t last = log.case_offsets[c + 1];
        if (first == last) continue;
        ++summary.start_activities[log.activities[log.activity[first]]];
        ++summary.end_activities[log.activities[log.activity[last - 1]]];
        variants.emplace(log.activity.begin() + first, log.activity.begin() + last);
    }
    summary.variants = static_cast<int64_t>(variants.size());
    if (!log.timestamp.empty()) {
        const auto [low, high] = std::minmax_element(log.timestamp.begin(), log.timestamp.end());
        summary.first_timestamp = *low;
        summary.last_timestamp = *high;
    }
    return summary;
}

}  // namespace pmstudio::eventlog
