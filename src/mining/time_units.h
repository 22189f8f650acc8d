#pragma once

#include <cstdint>
#include <string_view>

#include "mining/operator_settings.h"

namespace pmstudio::mining {

// The TimeUnit enumeration of operators.md (TimeSpanUnits, TimespanAggregateDurationType).
enum class TimeUnit { Milliseconds = 0, Seconds, Minutes, Hours, Days, Weeks, Months, Years };

// The length of a unit in microseconds; a month is 30 days and a year 365 days (timespans carry
// no calendar).
int64_t unit_micros(TimeUnit unit);
// A timespan in a unit.
double in_units(int64_t micros, TimeUnit unit);
// "milliseconds" ... "years", as the SimpleTimeUnit enumeration spells them.
std::string_view unit_name(TimeUnit unit);

// A time unit setting: a TimeUnit number or a SimpleTimeUnit name ("hours"); nullopt when absent.
std::optional<TimeUnit> time_unit_setting(const OperatorSettings& settings, std::string_view key);

}  // namespace pmstudio::mining
