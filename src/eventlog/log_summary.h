#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "eventlog/event_log.h"

namespace pmstudio::eventlog {

// The headline figures of a log, as process-mining tools report them after an import.
struct LogSummary {
    size_t events = 0;
    size_t cases = 0;
    std::map<std::string, size_t> activities;        // events per activity
    std::map<std::string, size_t> start_activities;  // cases per first activity
    std::map<std::string, size_t> end_activities;    // cases per last activity
    size_t variants = 0;                             // distinct activity sequences of cases
    int64_t first_timestamp = kNoTime;               // kNoTime for an empty log
    int64_t last_timestamp = kNoTime;
};

LogSummary summarize(const EventLog& log);

}  // namespace pmstudio::eventlog
