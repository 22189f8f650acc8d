#pragma once

#include <filesystem>
#include <string>

namespace pmstudio::app {

struct InspectOptions {
    std::filesystem::path file;
    std::string format;  // xes; empty: from the file name (a trailing .gz is looked through)
    std::string time_zone = "UTC";
};

// `pmstudio inspect`: imports a file with the reader of its format and prints its figures
// (events, cases, activities, variants, first/last timestamp, skipped rows, warnings, import
// time in seconds) as JSON on stdout. Returns the process exit code.
int run_inspect(const InspectOptions& options);

}  // namespace pmstudio::app
