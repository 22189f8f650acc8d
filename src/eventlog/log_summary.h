#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "eventlog/event_log.h"

namespace pmstudio::eventlog {

// The basic figures of a log, as PM4Py reports them: counts, activity frequencies, start and end
// activities (first and last event of each case in canonical order), first and last timestamp,
// and the number of variants (distinct activity sequences).
struct LogSummary {
    int64_t events = 0;
    int64_t cases = 0;
    std::map<std::string, int64_t> activities;
    std::map<std::string, int64_t> start_activities;
    std::map<std::string, int64_t> end_activities;
    int64_t first_timestamp = 0;  // microseconds UTC; 0 for an empty log
    int64_t last_timestamp = 0;
    int64_t variants = 0;
};

LogSummary summarize(const EventLog& log);

}  // namespace pmstudio::eventlog
