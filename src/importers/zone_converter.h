#pragma once

#include <cstdint>
#include <string>

namespace date {
class time_zone;
}

namespace pmstudio::importers {

// Converts local wall-clock times of one IANA time zone to UTC. Remembers the offset period of the
// last conversion, so the common case (consecutive times in one period) costs a comparison.
// Ambiguous times (clocks set back) take the earlier instant; times in a gap (clocks set forward)
// take the offset in force before the gap. Not thread-safe.
class ZoneConverter {
public:
    // Throws std::invalid_argument when the zone is unknown.
    explicit ZoneConverter(const std::string& name);

    int64_t to_utc(int64_t local_micros);

private:
    const date::time_zone* zone_;
    int64_t cached_begin_ = 1;  // local seconds, [begin, end) of the cached period; empty at start
    int64_t cached_end_ = 0;
    int64_t cached_offset_ = 0;  // seconds
};

}  // namespace pmstudio::importers
