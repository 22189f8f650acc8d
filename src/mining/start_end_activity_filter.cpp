#include "mining/start_end_activity_filter.h"

#include "mining/activity_names.h"

namespace pmstudio::mining {

eventlog::LogView filter_start_end_activities(const eventlog::LogView& view,
                                              const std::vector<std::string>& start_activities,
                                              const std::vector<std::string>& end_activities) {
    const eventlog::EventLog& log = view.log();
    const std::vector<char> starts = activity_flags(log, start_activities);
    const std::vector<char> ends = activity_flags(log, end_activities);
    return view.where_cases([&](uint32_t c) {
        return (start_activities.empty() || starts[log.activity[view.first_event(c)]] != 0) &&
               (end_activities.empty() || ends[log.activity[view.last_event(c)]] != 0);
    });
}

}  // namespace pmstudio::mining
