#pragma once

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"
#include "importers/table_source.h"

namespace pmstudio::importers {

// Turns any tabular source into an event log: mapped columns by name (a missing one is an
// ImportError 422 "Column 'X' not found in <kind> file" before anything is read), rows with an
// empty case id or activity or an unparsable timestamp are skipped, unparsable start times become
// null, every other column becomes an attribute with an inferred type (case attribute when
// constant per case). `kind` names the source in messages ("CSV", "Excel", "JSON").
eventlog::EventLog import_table(TableSource& source, const ImportOptions& options,
                                ImportReport& report, const std::string& kind,
                                const std::string& source_format);

}  // namespace pmstudio::importers
