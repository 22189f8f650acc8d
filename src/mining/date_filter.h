#pragma once

#include <cstdint>
#include <string_view>

#include "eventlog/log_view.h"

namespace pmstudio::mining {

// FilterDate.FilterType of operators.md.
enum class DateFilterType {
    CasesStartingInRange = 1,       // first kept event in the range
    CasesEndingInRange = 2,         // last kept event in the range
    CasesContainedInRange = 3,      // first and last kept event in the range
    CasesIntersectingRange = 4,     // first kept event <= to and last >= from
    TrimEventsToRange = 5,          // the kept events in the range
    CasesWithActivityInRange = 6,   // a kept event of the activity `name` in the range
    CasesWithAttributeInRange = 7,  // the DateTime column `name` in the range (event-level: of
                                    // a kept event)
};

// Microseconds since 1970 UTC; both ends included.
struct TimeRange {
    int64_t from = 0;
    int64_t to = 0;
};

// FilterDate on absolute instants (relative dates are resolved by the caller), by the events'
// (end) timestamps as PM4Py's filter_time_range. `remove` keeps the complement: the other cases,
// or for TrimEventsToRange the events outside the range. Throws std::invalid_argument when `name`
// is no DateTime column for CasesWithAttributeInRange.
eventlog::LogView filter_date(const eventlog::LogView& view, DateFilterType type, TimeRange range,
                              std::string_view name = {}, bool remove = false);

}  // namespace pmstudio::mining
