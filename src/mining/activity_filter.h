#pragma once

#include <string>
#include <vector>

#include "eventlog/log_view.h"

namespace pmstudio::mining {

// FilterActivities of operators.md (enumeration ActivityFilterMode).
enum class ActivityFilterMode {
    KeepCasesWithAny,     // cases with a kept event of any of the activities
    KeepCasesWithAll,     // cases with kept events of every one of them
    KeepCasesWithNone,    // cases with no kept event of any of them
    KeepOnlyTheseEvents,  // events of the activities (cases left without events are dropped)
    RemoveTheseEvents,    // events of other activities
};

// Activity names that no event of the log has match nothing (so KeepCasesWithAll keeps no case).
eventlog::LogView filter_activities(const eventlog::LogView& view,
                                    const std::vector<std::string>& activities,
                                    ActivityFilterMode mode);

}  // namespace pmstudio::mining
