#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "eventlog/column.h"

namespace pmstudio::eventlog {

constexpr uint32_t kNoResource = std::numeric_limits<uint32_t>::max();
constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

// Where the data came from and how it was mapped; kept with the dataset and shown on export.
struct EventLogMetadata {
    std::string case_id_column;
    std::string activity_column;
    std::string timestamp_column;
    std::string resource_column;    // empty: none mapped
    std::string start_time_column;  // empty: none mapped
    std::string source_format;      // csv, xes, json, xlsx, binary, mzz
    // The zone that timestamps without an offset were read in (IANA name, "UTC" by default), and
    // the distinct explicit UTC offsets (minutes east) that timestamps carried, ascending.
    std::string time_zone = "UTC";
    std::vector<int32_t> source_offsets_minutes;
    // The instant analyses use as "now" (microseconds UTC; kNoTime: the wall clock), as a mindzie
    // dataset frozen by its enrichment's FreezeLogTime carries it.
    int64_t freeze_time = kNoTime;

    bool operator==(const EventLogMetadata&) const = default;
};

// The columnar event log of DESIGN.md §4. Events are in the canonical order (case, timestamp,
// original row); cases are ordered by case id (byte order); activity, resource and string
// attribute dictionaries are sorted, so the same data gives the same log whatever the input order.
struct EventLog {
    EventLogMetadata metadata;

    std::vector<std::string> case_ids;     // per case
    std::vector<uint32_t> case_offsets;    // events of case c: [case_offsets[c], case_offsets[c+1])
    std::vector<std::string> activities;   // activity code -> name
    std::vector<std::string> resources;    // resource code -> name
    std::vector<uint32_t> activity;        // per event
    std::vector<int64_t> timestamp;        // per event, microseconds UTC (the event's end/complete)
    std::vector<uint32_t> resource;        // per event, kNoResource when absent; empty: no column
    std::vector<int64_t> start_time;       // per event, kNoTime when absent; empty: no column
    std::vector<Column> case_attributes;   // one value per case
    std::vector<Column> event_attributes;  // one value per event

    size_t case_count() const { return case_ids.size(); }
    size_t event_count() const { return activity.size(); }
    bool has_resource() const { return !resource.empty(); }
    bool has_start_time() const { return !start_time.empty(); }
    // The case each event belongs to (computed from case_offsets).
    std::vector<uint32_t> event_cases() const;
};

bool operator==(const EventLog& a, const EventLog& b);

}  // namespace pmstudio::eventlog
