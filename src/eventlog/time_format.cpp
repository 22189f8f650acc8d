#include "eventlog/time_format.h"

#include <fmt/format.h>

namespace pmstudio::eventlog {
namespace {

struct Civil {
    int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::string format_local(int64_t micros, std::string_view suffix) {
    const int64_t days = floor_div(micros, kMicrosPerDay);
    const int64_t in_day = micros - days * kMicrosPerDay;
    const Civil c = civil_from_days(days);
    const int64_t seconds = in_day / kMicrosPerSecond;
    const int64_t fraction = in_day % kMicrosPerSecond;
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day,
                                  seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (fraction % 1000 != 0) {
        out += fmt::format(".{:06}", fraction);
    } else if (fraction != 0) {
        out += fmt::format(".{:03}", fraction / 1000);
    }
    out += suffix;
    return out;
}

}  // namespace

CivilDate civil_date(int64_t micros) {
    const int64_t days = floor_div(micros, kMicrosPerDay);
    const Civil c = civil_from_days(days);
    // 1970-01-01 was a Thursday.
    return {c.year, c.month, c.day, static_cast<unsigned>(days + 4 - floor_div(days + 4, 7) * 7)};
}

int64_t days_from_civil(int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> civil_to_micros(int64_t year, int month, int day, int hour, int minute,
                                       int second, int64_t micros) {
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1]) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap) return std::nullopt;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
        micros < 0 || micros >= kMicrosPerSecond) {
        return std::nullopt;
    }
    const int64_t days =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * kMicrosPerDay +
           (int64_t{hour} * 3600 + int64_t{minute} * 60 + second) * kMicrosPerSecond + micros;
}

std::string format_utc(int64_t micros) {
    return format_local(micros, "Z");
}

std::string format_with_offset(int64_t micros, int offset_minutes) {
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return format_local(micros + int64_t{offset_minutes} * 60 * kMicrosPerSecond,
                        fmt::format("{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', magnitude / 60,
                                    magnitude % 60));
}

std::string format_timespan(int64_t micros) {
    const bool negative = micros < 0;
    const uint64_t magnitude =
        negative ? static_cast<uint64_t>(-(micros + 1)) + 1 : static_cast<uint64_t>(micros);
    const uint64_t total_seconds = magnitude / kMicrosPerSecond;
    const uint64_t fraction = magnitude % kMicrosPerSecond;
    const uint64_t days = total_seconds / 86400;
    std::string out = negative ? "-" : "";
    if (days > 0) out += fmt::format("{}.", days);
    out += fmt::format("{:02}:{:02}:{:02}", total_seconds / 3600 % 24, total_seconds / 60 % 60,
                       total_seconds % 60);
    if (fraction != 0) out += fmt::format(".{:06}", fraction);
    return out;
}

}  // namespace pmstudio::eventlog
