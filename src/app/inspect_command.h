#pragma once

#include <filesystem>
#include <string>

#include "importers/import_options.h"

namespace pmstudio::app {

struct InspectOptions {
    std::filesystem::path file;
    std::string format;  // csv, xes, json, xlsx, package, binary; empty: from the file name
    std::string time_zone = "UTC";
    std::string culture = "en-US";
    importers::ColumnMapping mapping;  // needed for csv, xlsx and json
};

// `pmstudio inspect`: imports a file with the reader of its format and prints its figures
// (events, cases, activities, variants, first/last timestamp, skipped rows, warnings, import
// time in seconds) as JSON on stdout. Returns the process exit code.
int run_inspect(const InspectOptions& options);

}  // namespace pmstudio::app
