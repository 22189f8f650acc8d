#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"

namespace pmstudio::importers {

enum class LogFormat { Csv, Xes, Json, Excel, Package, Binary, Mzz };

// The format a file name announces: .csv/.txt, .xes/.xes.gz, .json, .xlsx, .zip, .pmslog, .mzz.
std::optional<LogFormat> format_of_file_name(std::string_view file_name);
std::string_view format_name(LogFormat format);  // csv, xes, json, xlsx, package, binary, mzz
std::optional<LogFormat> format_from_name(std::string_view name);

// Reads an event log of any supported format. Binary and mindzie (.mzz) files carry their own
// mapping; when the options name columns, they must match it (422 otherwise).
eventlog::EventLog read_event_log(LogFormat format, const std::filesystem::path& file,
                                  const ImportOptions& options, ImportReport& report);

}  // namespace pmstudio::importers
