#pragma once

#include <ostream>

#include "eventlog/event_log.h"

namespace pmstudio::importers {

// Writes an event log as XES 2.0 (IEEE 1849) with the concept, time, org and lifecycle
// extensions: one trace per case (concept:name = case id, then the case attributes), one event
// per event in canonical order (concept:name = activity, time:timestamp in UTC with Z,
// org:resource when present, start_timestamp for a start time, then the event attributes).
// Attributes are typed by column type (boolean, int, float, date, string); timespans are written
// as .NET text in a string. Null values are left out. The log carries pmstudio:timeZone and
// pmstudio:sourceOffsets. An attribute named like a key used for a mapped field is not written.
// See docs/formats-xes.md.
void write_xes(const eventlog::EventLog& log, std::ostream& out);

}  // namespace pmstudio::importers
