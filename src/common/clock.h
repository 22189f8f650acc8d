#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pmstudio {

using SystemTime = std::chrono::system_clock::time_point;

// ISO 8601 UTC with millisecond precision and a trailing Z: 2024-01-15T10:30:00.123Z.
std::string format_iso8601(SystemTime time);

// The current time in the format above.
std::string now_iso8601();

// Reads YYYY-MM-DDTHH:MM:SS with optional fractional seconds and an optional Z or +hh:mm/-hh:mm
// (no suffix means UTC); nullopt for anything else.
std::optional<SystemTime> parse_iso8601(std::string_view text);

// now_iso8601(), or one millisecond after `previous` when the clock has not moved past it, so that
// successive modifications of one object always get distinct, increasing timestamps (optimistic
// locking compares them).
std::string modification_time_after(std::string_view previous);

}  // namespace pmstudio
