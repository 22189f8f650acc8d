#pragma once

#include <filesystem>

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"

namespace pmstudio::importers {

// Imports a CSV event log (see CsvTableSource for the dialect and import_table for the mapping).
eventlog::EventLog read_csv(const std::filesystem::path& file, const ImportOptions& options,
                            ImportReport& report);

}  // namespace pmstudio::importers
