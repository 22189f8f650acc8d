#pragma once

#include <chrono>
#include <string>

namespace pmstudio {

using SystemTime = std::chrono::system_clock::time_point;

// ISO 8601 UTC with millisecond precision and a trailing Z: 2024-01-15T10:30:00.123Z.
std::string format_iso8601(SystemTime time);

// The current time in the format above.
std::string now_iso8601();

}  // namespace pmstudio
