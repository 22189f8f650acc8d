#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventlog/event_log.h"

namespace pmstudio::mining {

// The code of an activity name of the log; nullopt when no event has it.
std::optional<uint32_t> activity_code(const eventlog::EventLog& log, std::string_view name);

// Per activity code of the log: whether `names` lists it (names the log lacks are ignored).
std::vector<char> activity_flags(const eventlog::EventLog& log, std::span<const std::string> names);

}  // namespace pmstudio::mining
