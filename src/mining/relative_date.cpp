#include "mining/relative_date.h"

#include <fmt/format.h>

#include "eventlog/time_format.h"
#include "mining/operator_registry.h"

namespace pmstudio::mining {
namespace {

using eventlog::kMicrosPerDay;

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

enum class Period { Day, Week, Month, Quarter, Year };

// Periods are numbered from an epoch: days and weeks (from Monday 1969-12-29) since 1970, months,
// quarters and years since year 0.
int64_t period_of(Period period, int64_t micros) {
    const int64_t day = floor_div(micros, kMicrosPerDay);
    const eventlog::CivilDate date = eventlog::civil_date(micros);
    const int64_t month = date.year * 12 + date.month - 1;
    switch (period) {
        case Period::Day:
            return day;
        case Period::Week:
            return floor_div(day + 3, 7);
        case Period::Month:
            return month;
        case Period::Quarter:
            return floor_div(month, 3);
        case Period::Year:
            return date.year;
    }
    return 0;
}

int64_t period_start(Period period, int64_t index) {
    const auto month_start = [](int64_t month) {
        const int64_t year = floor_div(month, 12);
        return eventlog::days_from_civil(year, static_cast<unsigned>(month - year * 12) + 1, 1) *
               kMicrosPerDay;
    };
    switch (period) {
        case Period::Day:
            return index * kMicrosPerDay;
        case Period::Week:
            return (index * 7 - 3) * kMicrosPerDay;
        case Period::Month:
            return month_start(index);
        case Period::Quarter:
            return month_start(index * 3);
        case Period::Year:
            return month_start(index * 12);
    }
    return 0;
}

}  // namespace

int64_t resolve_relative_date(const RelativeDate& date, int64_t now) {
    using enum RelativeDateVariable;
    Period period = Period::Day;
    bool end = false;
    switch (date.variable) {
        case AbsoluteTime:
            return date.time;
        case StartOfDay:
            break;
        case StartOfWeek:
        case EndOfWeek:
            period = Period::Week;
            end = date.variable == EndOfWeek;
            break;
        case StartOfMonth:
        case EndOfMonth:
            period = Period::Month;
            end = date.variable == EndOfMonth;
            break;
        case StartOfQuarter:
        case EndOfQuarter:
            period = Period::Quarter;
            end = date.variable == EndOfQuarter;
            break;
        case StartOfYear:
        case EndOfYear:
            period = Period::Year;
            end = date.variable == EndOfYear;
            break;
    }
    const int64_t index = period_of(period, now) + date.shift;
    return end ? period_start(period, index + 1) - 1 : period_start(period, index);
}

std::optional<RelativeDate> relative_date_setting(const OperatorSettings& settings,
                                                  std::string_view key) {
    const Json value = settings.json(key);
    if (value.is_null()) return std::nullopt;
    const Json spec = {{"name", fmt::format("{} {}", settings.operator_name(), key)},
                       {"settings", *find_object_type("relativeDate")}};
    const OperatorSettings fields(spec, nullptr, value);
    RelativeDate date;
    date.variable = static_cast<RelativeDateVariable>(*fields.integer("Variable"));
    if (date.variable == RelativeDateVariable::AbsoluteTime) {
        const auto time = fields.datetime_micros("Time");
        if (!time) {
            throw OperatorError(
                fmt::format("Setting '{}.Time' of {} is required when Variable is 0", key,
                            settings.operator_name()));
        }
        date.time = *time;
        return date;
    }
    const int64_t periods = *fields.integer("NumberOfPeriods");
    date.shift = (*fields.integer("TimeDirection") == 0 ? -periods : periods) +
                 *fields.integer("PeriodsToAdd");
    return date;
}

}  // namespace pmstudio::mining
