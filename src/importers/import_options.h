#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pmstudio::importers {

// Which source columns play the mapped roles. For XES the standard keys (concept:name,
// time:timestamp, org:resource) are used when a role is left empty.
struct ColumnMapping {
    std::string case_id;
    std::string activity;
    std::string timestamp;
    std::string resource;    // optional: empty = none
    std::string start_time;  // optional: empty = none
};

// A CSV delimiter as users write it: one character, or "\t" / "tab" for a tab. nullopt for
// anything else (the caller names the field in its error).
std::optional<char> parse_delimiter(std::string_view text);

struct ImportOptions {
    ColumnMapping mapping;
    std::string culture = "en-US";  // en-US, en-GB, de-DE, fr-FR, nl-NL, invariant ("" too)
    std::string time_zone = "UTC";  // IANA zone for timestamps without an offset
    std::optional<char> delimiter;  // CSV: auto-detected when empty
    std::string encoding;           // CSV: UTF-8, ISO-8859-1 or Windows-1252; "" detects
    std::string worksheet;          // XLSX: the first sheet when empty
    std::string json_mapping;       // JSON: the mapping document (see json_mapping.h); "" = none
    // Called now and then with rows (or bytes) processed so far and the total when known (-1).
    std::function<void(int64_t processed, int64_t total)> on_progress;
};

}  // namespace pmstudio::importers
