#pragma once

#include <filesystem>

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"

namespace pmstudio::importers {

// Reads an XES 1.0/2.0 file (IEEE 1849), plain or gzip-compressed, as a stream (expat; no
// document tree). Traces are cases and events are events: the case id is the trace's
// concept:name, the activity the event's concept:name, the timestamp time:timestamp and the
// resource org:resource (mapped only when some event has it), unless options.mapping names other
// keys. Other trace attributes become case attributes, other event attributes event attributes,
// typed by their XES element; nested attributes (children of attributes, lists, containers) are
// skipped with one warning; log-level attributes, extensions, globals and classifiers are ignored.
// Events without activity or readable timestamp, and the events of traces without case id, are
// skipped with a row issue. Malformed XML throws ImportError(400). See docs/formats-xes.md.
eventlog::EventLog read_xes(const std::filesystem::path& file, const ImportOptions& options,
                            ImportReport& report);

}  // namespace pmstudio::importers
