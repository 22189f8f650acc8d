#pragma once

#include <string>
#include <vector>

#include "eventlog/log_view.h"

namespace pmstudio::mining {

// FilterStartEndActivity of operators.md: the cases whose first kept event has one of
// `start_activities` and whose last kept event has one of `end_activities`; an empty list does
// not restrict.
eventlog::LogView filter_start_end_activities(const eventlog::LogView& view,
                                              const std::vector<std::string>& start_activities,
                                              const std::vector<std::string>& end_activities);

}  // namespace pmstudio::mining
