#pragma once

#include <filesystem>

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"

namespace pmstudio::importers {

// Reads a ZIP package: exactly one data file (.csv, .xes, .xes.gz, .xlsx or .json) plus an
// optional dataset.json {"caseIdColumn", "activityNameColumn", "activityTimeColumn",
// "resourceColumn", "startTimeColumn", "delimiter", "worksheetName"} whose values override the
// options. XES needs none of them; the other formats need the first three (422 otherwise). The
// data file is extracted next to the package under a name of our own (member paths are never
// used on disk) and removed afterwards; members larger than 4 GiB uncompressed or compressed more
// than 200:1 are refused as zip bombs.
eventlog::EventLog read_package(const std::filesystem::path& file, const ImportOptions& options,
                                ImportReport& report);

}  // namespace pmstudio::importers
