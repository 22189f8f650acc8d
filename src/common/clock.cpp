#include "common/clock.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdio>
#include <ctime>

namespace pmstudio {

std::string format_iso8601(SystemTime time) {
    using namespace std::chrono;
    const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900,
                       utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                       static_cast<int>(millis % 1000));
}

std::string now_iso8601() {
    return format_iso8601(std::chrono::system_clock::now());
}

std::optional<SystemTime> parse_iso8601(std::string_view text) {
    std::tm fields{};
    int consumed = 0;
    const std::string buffer(text);
    if (std::sscanf(buffer.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &fields.tm_year, &fields.tm_mon,
                    &fields.tm_mday, &fields.tm_hour, &fields.tm_min, &fields.tm_sec,
                    &consumed) != 6 ||
        consumed != 19) {
        return std::nullopt;
    }
    fields.tm_year -= 1900;
    fields.tm_mon -= 1;
    std::string_view rest = text.substr(19);
    std::chrono::microseconds fraction{0};
    if (rest.starts_with('.')) {
        size_t digits = 1;
        int64_t scale = 100000;
        while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) {
            fraction += std::chrono::microseconds((rest[digits] - '0') * scale);
            scale /= 10;
            ++digits;
        }
        if (digits == 1) return std::nullopt;
        rest.remove_prefix(digits);
    }
    std::chrono::minutes offset{0};
    if (rest == "Z" || rest == "z") {
        rest = {};
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
        int hours = 0;
        int minutes = 0;
        if (std::sscanf(std::string(rest.substr(1)).c_str(), "%2d:%2d", &hours, &minutes) != 2) {
            return std::nullopt;
        }
        offset = std::chrono::minutes(hours * 60 + minutes) * (rest[0] == '-' ? -1 : 1);
        rest = {};
    }
    if (!rest.empty()) return std::nullopt;
    const std::time_t seconds = timegm(&fields);
    return std::chrono::system_clock::from_time_t(seconds) + fraction - offset;
}

std::string modification_time_after(std::string_view previous) {
    const auto now = std::chrono::system_clock::now();
    const auto last = parse_iso8601(previous);
    if (!last || now >= *last + std::chrono::milliseconds(1)) return format_iso8601(now);
    return format_iso8601(*last + std::chrono::milliseconds(1));
}

}  // namespace pmstudio
