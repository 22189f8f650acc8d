#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "eventlog/event_log.h"

namespace pmstudio::mining {

// The activity codes of a sequence of activity names, for comparing with the activity sequences
// of cases; a name the log lacks gets a code that no event has.
std::vector<uint32_t> sequence_codes(const eventlog::EventLog& log,
                                     std::span<const std::string> names);

}  // namespace pmstudio::mining
