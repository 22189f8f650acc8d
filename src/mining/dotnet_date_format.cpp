#include "mining/dotnet_date_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "eventlog/time_format.h"
#include "mining/dotnet_format.h"

namespace pmstudio::mining {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

std::string_view standard_date_pattern(char letter) {
    switch (letter) {
        case 'd':
            return "M/d/yyyy";
        case 'D':
            return "dddd, MMMM d, yyyy";
        case 'f':
            return "dddd, MMMM d, yyyy h:mm tt";
        case 'F':
        case 'U':
            return "dddd, MMMM d, yyyy h:mm:ss tt";
        case 'g':
            return "M/d/yyyy h:mm tt";
        case 'G':
            return "M/d/yyyy h:mm:ss tt";
        case 'M':
        case 'm':
            return "MMMM d";
        case 'o':
        case 'O':
            return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
        case 'r':
        case 'R':
            return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
        case 's':
            return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
        case 't':
            return "h:mm tt";
        case 'T':
            return "h:mm:ss tt";
        case 'u':
            return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
        case 'Y':
        case 'y':
            return "MMMM yyyy";
        default:
            return {};
    }
}

struct DateParts {
    int64_t year;
    unsigned month;
    unsigned day;
    unsigned weekday;
    int64_t hour;
    int64_t minute;
    int64_t second;
    int64_t ticks;  // 100 ns units within the second
};

DateParts parts_of(int64_t micros) {
    const eventlog::CivilDate date = eventlog::civil_date(micros);
    int64_t in_day = micros % eventlog::kMicrosPerDay;
    if (in_day < 0) in_day += eventlog::kMicrosPerDay;
    const int64_t seconds = in_day / eventlog::kMicrosPerSecond;
    return {
        date.year,      date.month,        date.day,     date.weekday,
        seconds / 3600, seconds / 60 % 60, seconds % 60, in_day % eventlog::kMicrosPerSecond * 10};
}

std::string custom_date(const DateParts& parts, std::string_view pattern) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        const char ch = pattern[i];
        size_t run = 1;
        while (i + run < pattern.size() && pattern[i + run] == ch) ++run;
        const auto count = static_cast<int>(run);
        switch (ch) {
            case 'd':
                out += count == 1   ? std::to_string(parts.day)
                       : count == 2 ? fmt::format("{:02}", parts.day)
                       : count == 3 ? std::string(kDays[parts.weekday].substr(0, 3))
                                    : std::string(kDays[parts.weekday]);
                break;
            case 'M':
                out += count == 1   ? std::to_string(parts.month)
                       : count == 2 ? fmt::format("{:02}", parts.month)
                       : count == 3 ? std::string(kMonths[parts.month - 1].substr(0, 3))
                                    : std::string(kMonths[parts.month - 1]);
                break;
            case 'y':
                out += count == 1   ? std::to_string(parts.year % 100)
                       : count == 2 ? fmt::format("{:02}", parts.year % 100)
                                    : fmt::format("{:0{}}", parts.year, count);
                break;
            case 'h': {
                const int64_t hour = parts.hour % 12 == 0 ? 12 : parts.hour % 12;
                out += count == 1 ? std::to_string(hour) : fmt::format("{:02}", hour);
                break;
            }
            case 'H':
                out += count == 1 ? std::to_string(parts.hour) : fmt::format("{:02}", parts.hour);
                break;
            case 'm':
                out +=
                    count == 1 ? std::to_string(parts.minute) : fmt::format("{:02}", parts.minute);
                break;
            case 's':
                out +=
                    count == 1 ? std::to_string(parts.second) : fmt::format("{:02}", parts.second);
                break;
            case 'f':
            case 'F': {
                std::string digits =
                    fmt::format("{:07}", parts.ticks).substr(0, std::min(run, size_t{7}));
                if (ch == 'F') {
                    while (!digits.empty() && digits.back() == '0') digits.pop_back();
                    // An empty F fraction takes its point with it.
                    if (digits.empty() && !out.empty() && out.back() == '.') out.pop_back();
                }
                out += digits;
                break;
            }
            case 't':
                out += parts.hour < 12 ? (count == 1 ? "A" : "AM") : (count == 1 ? "P" : "PM");
                break;
            case 'z':
                out += count == 1 ? "+0" : count == 2 ? "+00" : "+00:00";
                break;
            case 'K':
                out += std::string(run, 'Z');
                break;
            case 'g':
                out += "A.D.";
                break;
            case '\'':
            case '"': {
                const size_t end = pattern.find(ch, i + 1);
                const size_t stop = end == std::string_view::npos ? pattern.size() : end;
                out += pattern.substr(i + 1, stop - i - 1);
                i = stop + 1;
                continue;
            }
            case '\\':
                if (i + 1 < pattern.size()) out.push_back(pattern[i + 1]);
                i += 2;
                continue;
            case '%':
                i += 1;
                continue;
            default:
                out += pattern.substr(i, run);
        }
        i += run;
    }
    return out;
}

struct SpanParts {
    bool negative;
    int64_t days;
    int64_t hours;
    int64_t minutes;
    int64_t seconds;
    int64_t ticks;
};

SpanParts span_parts(int64_t micros) {
    const bool negative = micros < 0;
    const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(micros) : micros;
    const auto total_seconds = static_cast<int64_t>(magnitude / eventlog::kMicrosPerSecond);
    return {negative,
            total_seconds / 86400,
            total_seconds / 3600 % 24,
            total_seconds / 60 % 60,
            total_seconds % 60,
            static_cast<int64_t>(magnitude % eventlog::kMicrosPerSecond) * 10};
}

std::string humane_span(int64_t micros) {
    struct Unit {
        int64_t micros;
        std::string_view singular;
    };
    static constexpr std::array<Unit, 4> kUnits = {{{eventlog::kMicrosPerDay, "day"},
                                                    {3600 * eventlog::kMicrosPerSecond, "hour"},
                                                    {60 * eventlog::kMicrosPerSecond, "minute"},
                                                    {eventlog::kMicrosPerSecond, "second"}}};
    const uint64_t magnitude = micros < 0 ? 0 - static_cast<uint64_t>(micros) : micros;
    const Unit& unit = *std::find_if(kUnits.begin(), kUnits.end() - 1, [&](const Unit& u) {
        return magnitude >= static_cast<uint64_t>(u.micros);
    });
    const std::string amount =
        format_number(static_cast<double>(micros) / static_cast<double>(unit.micros), "N1");
    const std::string trimmed =
        amount.ends_with(".0") ? amount.substr(0, amount.size() - 2) : amount;
    const bool one = trimmed == "1" || trimmed == "-1";
    return fmt::format("{} {}{}", trimmed, unit.singular, one ? "" : "s");
}

}  // namespace

std::string format_datetime(int64_t micros, std::string_view format) {
    const DateParts parts = parts_of(micros);
    if (format.empty() || format == "A" || format == "a") {
        return custom_date(parts, "yyyy-MM-dd HH:mm:ss");
    }
    if (format.size() == 1) {
        const std::string_view pattern = standard_date_pattern(format[0]);
        if (!pattern.empty()) return custom_date(parts, pattern);
    }
    return custom_date(parts, format);
}

std::string format_timespan(int64_t micros, std::string_view format) {
    if (format.empty() || format == "A" || format == "a") return humane_span(micros);
    const SpanParts span = span_parts(micros);
    const char* minus = span.negative ? "-" : "";
    if (format == "c" || format == "t" || format == "T") {
        std::string out = minus;
        if (span.days != 0) out += fmt::format("{}.", span.days);
        out += fmt::format("{:02}:{:02}:{:02}", span.hours, span.minutes, span.seconds);
        if (span.ticks != 0) out += fmt::format(".{:07}", span.ticks);
        return out;
    }
    if (format == "g") {
        std::string out = minus;
        if (span.days != 0) out += fmt::format("{}:", span.days);
        out += fmt::format("{}:{:02}:{:02}", span.hours, span.minutes, span.seconds);
        if (span.ticks != 0) {
            std::string fraction = fmt::format("{:07}", span.ticks);
            while (fraction.back() == '0') fraction.pop_back();
            out.push_back('.');
            out += fraction;
        }
        return out;
    }
    if (format == "G") {
        return fmt::format("{}{}:{:02}:{:02}:{:02}.{:07}", minus, span.days, span.hours,
                           span.minutes, span.seconds, span.ticks);
    }
    return format_number(static_cast<double>(micros) / eventlog::kMicrosPerSecond, format);
}

}  // namespace pmstudio::mining
