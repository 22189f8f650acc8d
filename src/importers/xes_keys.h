#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::importers::xes {

// Standard XES keys used for the mapped fields, and pmstudio's own log-level keys.
inline constexpr std::string_view kConceptName = "concept:name";
inline constexpr std::string_view kTimestamp = "time:timestamp";
inline constexpr std::string_view kResource = "org:resource";
inline constexpr std::string_view kStartTimestamp = "start_timestamp";  // PM4Py's interval logs
inline constexpr std::string_view kTimeZone = "pmstudio:timeZone";
inline constexpr std::string_view kSourceOffsets = "pmstudio:sourceOffsets";

// UTC offsets (minutes east) as "+01:00,-05:30"; "" for none.
std::string format_offsets(const std::vector<int32_t>& offsets_minutes);
// The inverse; nullopt when an entry is not ±hh:mm.
std::optional<std::vector<int32_t>> parse_offsets(std::string_view text);

}  // namespace pmstudio::importers::xes
