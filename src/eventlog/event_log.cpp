#include "eventlog/event_log.h"

namespace pmstudio::eventlog {

std::vector<uint32_t> EventLog::event_cases() const {
    std::vector<uint32_t> out(event_count());
    for (uint32_t c = 0; c < case_count(); ++c) {
        for (uint32_t e = case_offsets[c]; e < case_offsets[c + 1]; ++e) out[e] = c;
    }
    return out;
}

bool operator==(const EventLog& a, const EventLog& b) {
    return a.metadata == b.metadata && a.case_ids == b.case_ids &&
           a.case_offsets == b.case_offsets && a.activities == b.activities &&
           a.resources == b.resources && a.activity == b.activity && a.timestamp == b.timestamp &&
           a.resource == b.resource && a.start_time == b.start_time &&
           a.case_attributes == b.case_attributes && a.event_attributes == b.event_attributes;
}

}  // namespace pmstudio::eventlog
