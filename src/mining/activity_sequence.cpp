#include "mining/activity_sequence.h"

#include <limits>

#include "mining/activity_names.h"

namespace pmstudio::mining {

std::vector<uint32_t> sequence_codes(const eventlog::EventLog& log,
                                     std::span<const std::string> names) {
    constexpr uint32_t kNoActivity = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> codes;
    for (const std::string& name : names) {
        codes.push_back(activity_code(log, name).value_or(kNoActivity));
    }
    return codes;
}

}  // namespace pmstudio::mining
