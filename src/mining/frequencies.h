#pragma once

#include <cstdint>
#include <vector>

#include "eventlog/log_view.h"

namespace pmstudio::mining {

// Per code of a dictionary (activity or resource code of the log): kept events with that code,
// and kept cases with at least one of them.
struct CodeFrequencies {
    std::vector<uint64_t> events;
    std::vector<uint64_t> cases;
};

CodeFrequencies activity_frequencies(const eventlog::LogView& view);
// Events without a resource are not counted; all zero when the log has no resource column.
CodeFrequencies resource_frequencies(const eventlog::LogView& view);

// Per activity code: kept cases whose first (start) or last (end) kept event has it.
struct EndpointActivities {
    std::vector<uint64_t> start;
    std::vector<uint64_t> end;
};

EndpointActivities endpoint_activities(const eventlog::LogView& view);

}  // namespace pmstudio::mining
