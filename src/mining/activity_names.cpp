#include "mining/activity_names.h"

#include <algorithm>

namespace pmstudio::mining {

std::optional<uint32_t> activity_code(const eventlog::EventLog& log, std::string_view name) {
    const auto found = std::find(log.activities.begin(), log.activities.end(), name);
    if (found == log.activities.end()) return std::nullopt;
    return static_cast<uint32_t>(found - log.activities.begin());
}

std::vector<char> activity_flags(const eventlog::EventLog& log,
                                 std::span<const std::string> names) {
    std::vector<char> flags(log.activities.size(), 0);
    for (const std::string& name : names) {
        if (const auto code = activity_code(log, name)) flags[*code] = 1;
    }
    return flags;
}

}  // namespace pmstudio::mining
