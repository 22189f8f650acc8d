#pragma once

#include <ostream>

#include "eventlog/event_log.h"

namespace pmstudio::importers {

// Writes a log as RFC 4180 CSV (comma, CRLF, UTF-8): the mapped columns under their source names
// (case id, activity, timestamp, then resource and start time when present), case attributes
// repeated on every event of their case, then event attributes. Timestamps are ISO 8601 UTC;
// doubles always carry a decimal point so they read back as doubles. Reading the output with the
// same mapping gives the same log.
void write_csv(const eventlog::EventLog& log, std::ostream& out);

}  // namespace pmstudio::importers
