#include "common/clock.h"

#include <fmt/format.h>

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

}  // namespace pmstudio
