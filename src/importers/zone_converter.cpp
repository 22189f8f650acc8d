#include "importers/zone_converter.h"

#include <date/tz.h>

#include <stdexcept>

#include "eventlog/time_format.h"

namespace pmstudio::importers {

using eventlog::kMicrosPerSecond;

ZoneConverter::ZoneConverter(const std::string& name) {
    try {
        zone_ = date::locate_zone(name);
    } catch (const std::exception&) {
        throw std::invalid_argument("unknown time zone '" + name + "'");
    }
}

int64_t ZoneConverter::to_utc(int64_t local_micros) {
    const int64_t local_seconds =
        local_micros >= 0 ? local_micros / kMicrosPerSecond
                          : -((-local_micros + kMicrosPerSecond - 1) / kMicrosPerSecond);
    if (local_seconds < cached_begin_ || local_seconds >= cached_end_) {
        const date::local_seconds local{std::chrono::seconds(local_seconds)};
        const auto info = zone_->get_info(local);
        const date::sys_info& period = info.first;
        cached_offset_ = period.offset.count();
        if (info.result == date::local_info::unique) {
            cached_begin_ = period.begin.time_since_epoch().count() + cached_offset_;
            cached_end_ = period.end.time_since_epoch().count() + cached_offset_;
        } else {
            cached_begin_ = 1;  // ambiguous or in a gap: not cached
            cached_end_ = 0;
        }
    }
    return local_micros - cached_offset_ * kMicrosPerSecond;
}

}  // namespace pmstudio::importers
