#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "mining/operator_settings.h"

namespace pmstudio::mining {

// The RelativeDateVariable enumeration of FilterDate's StartDateSelection / EndDateSelection.
enum class RelativeDateVariable {
    AbsoluteTime = 0,
    StartOfWeek = 1,  // Monday
    StartOfMonth = 2,
    StartOfYear = 3,
    StartOfQuarter = 4,
    EndOfWeek = 11,
    EndOfMonth = 12,
    EndOfYear = 13,
    EndOfQuarter = 14,
    StartOfDay = 21,
};

struct RelativeDate {
    RelativeDateVariable variable = RelativeDateVariable::AbsoluteTime;
    int64_t time = 0;   // AbsoluteTime: microseconds since 1970 UTC
    int64_t shift = 0;  // periods of the variable's unit (day, week, month, quarter, year)
};

// The instant a relative date stands for at `now` (microseconds since 1970 UTC): `time` for
// AbsoluteTime, else the start or end of the period `shift` periods away from the one holding
// `now`, on the UTC calendar. An end is the period's last microsecond, so that ranges, which
// include both ends, cover the whole period.
int64_t resolve_relative_date(const RelativeDate& date, int64_t now);

// The relative date setting `key` holds ({Time, Variable, NumberOfPeriods, TimeDirection,
// PeriodsToAdd}, catalog defaults for absent fields): the shift is NumberOfPeriods towards the
// TimeDirection (0 past, 1 future) plus PeriodsToAdd; AbsoluteTime takes Time unshifted. nullopt
// when the setting is absent; OperatorError naming the setting when AbsoluteTime has no Time.
std::optional<RelativeDate> relative_date_setting(const OperatorSettings& settings,
                                                  std::string_view key);

}  // namespace pmstudio::mining
