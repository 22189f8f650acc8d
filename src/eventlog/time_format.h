#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pmstudio::eventlog {

// Timestamps are microseconds since 1970-01-01T00:00:00Z.
constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

// ISO 8601 in UTC with a trailing Z; fractional digits only as many as needed (none, 3 or 6):
// 2024-01-15T09:00:00Z, 2024-01-15T09:00:00.120Z, 2024-01-15T09:00:00.123456Z.
std::string format_utc(int64_t micros);

// The same instant shown at a fixed offset from UTC (minutes east), e.g. +01:00.
std::string format_with_offset(int64_t micros, int offset_minutes);

// .NET TimeSpan text: [-][d.]hh:mm:ss[.ffffff].
std::string format_timespan(int64_t micros);

// The UTC calendar date of an instant; weekday 0 = Sunday ... 6 = Saturday.
struct CivilDate {
    int64_t year;
    unsigned month;
    unsigned day;
    unsigned weekday;
};
CivilDate civil_date(int64_t micros);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

// Microseconds for a civil date and time (no zone); nullopt when a field is out of range.
std::optional<int64_t> civil_to_micros(int64_t year, int month, int day, int hour, int minute,
                                       int second, int64_t micros);

}  // namespace pmstudio::eventlog
