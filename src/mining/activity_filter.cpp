#include "mining/activity_filter.h"

#include <algorithm>
#include <set>

#include "mining/activity_names.h"

namespace pmstudio::mining {

eventlog::LogView filter_activities(const eventlog::LogView& view,
                                    const std::vector<std::string>& activities,
                                    ActivityFilterMode mode) {
    const eventlog::EventLog& log = view.log();
    const std::vector<char> listed = activity_flags(log, activities);
    const auto is_listed = [&](uint32_t e) { return listed[log.activity[e]] != 0; };
    const auto has_any = [&](uint32_t c) {
        bool found = false;
        view.for_each_event(c, [&](uint32_t e) { found |= is_listed(e); });
        return found;
    };
    switch (mode) {
        case ActivityFilterMode::KeepCasesWithAny:
            return view.where_cases(has_any);
        case ActivityFilterMode::KeepCasesWithNone:
            return view.where_cases([&](uint32_t c) { return !has_any(c); });
        case ActivityFilterMode::KeepOnlyTheseEvents:
            return view.where_events(is_listed);
        case ActivityFilterMode::RemoveTheseEvents:
            return view.where_events([&](uint32_t e) { return !is_listed(e); });
        case ActivityFilterMode::KeepCasesWithAll: {
            const auto required = static_cast<size_t>(std::count(listed.begin(), listed.end(), 1));
            if (std::set<std::string>(activities.begin(), activities.end()).size() > required) {
                return view.where_cases([](uint32_t) { return false; });
            }
            std::vector<uint32_t> seen_in(listed.size(), 0);  // per activity: last case index + 1
            return view.where_cases([&](uint32_t c) {
                size_t found = 0;
                view.for_each_event(c, [&](uint32_t e) {
                    uint32_t& mark = seen_in[log.activity[e]];
                    found += is_listed(e) && mark != c + 1 ? 1 : 0;
                    mark = c + 1;
                });
                return found == required;
            });
        }
    }
    return view;
}

}  // namespace pmstudio::mining
