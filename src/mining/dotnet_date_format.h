#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pmstudio::mining {

// .NET date and time formatting in the en-US culture, for the FormatText of dashboard selectors
// (numbers: dotnet_format.h).
//
// Date-times (microseconds since 1970, UTC): the standard date formats d D f F g G M m o O r R s t
// T u U Y y, and custom patterns (yyyy-MM-dd HH:mm:ss.fff, dddd, MMMM, tt, K, ...). "A":
// yyyy-MM-dd HH:mm:ss.
std::string format_datetime(int64_t micros, std::string_view format);

// Timespans (microseconds): "c", "g" and "G" as .NET TimeSpan formats them; "A" an amount of the
// largest unit that fits, to one decimal ("4.5 days", "1 hour"); any other format formats the
// number of seconds as a number.
std::string format_timespan(int64_t micros, std::string_view format);

}  // namespace pmstudio::mining
