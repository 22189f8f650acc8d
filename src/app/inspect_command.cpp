#include "app/inspect_command.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "eventlog/log_summary.h"
#include "eventlog/time_format.h"
#include "importers/xes_reader.h"

namespace pmstudio::app {
namespace {

using Reader = std::function<eventlog::EventLog(
    const std::filesystem::path&, const importers::ImportOptions&, importers::ImportReport&)>;

// One reader per format name; other importers register here.
const std::map<std::string, Reader>& readers() {
    static const std::map<std::string, Reader> table{{"xes", importers::read_xes}};
    return table;
}

std::string format_of(const InspectOptions& options) {
    if (!options.format.empty()) return options.format;
    std::filesystem::path name = options.file.filename();
    if (name.extension() == ".gz") name = name.stem();
    std::string extension = name.extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

nlohmann::json timestamp_json(int64_t micros) {
    if (micros == eventlog::kNoTime) return nullptr;
    return eventlog::format_utc(micros);
}

}  // namespace

int run_inspect(const InspectOptions& options) {
    const std::string format = format_of(options);
    const auto reader = readers().find(format);
    if (reader == readers().end()) {
        std::string known;
        for (const auto& [name, _] : readers()) known += (known.empty() ? "" : ", ") + name;
        throw std::invalid_argument("Unsupported format '" + format + "' (supported: " + known +
                                    ")");
    }
    importers::ImportOptions import_options;
    import_options.time_zone = options.time_zone;
    importers::ImportReport report;
    const auto started = std::chrono::steady_clock::now();
    const eventlog::EventLog log = reader->second(options.file, import_options, report);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

    const eventlog::LogSummary summary = eventlog::summarize(log);
    const nlohmann::json out{
        {"file", options.file.string()},
        {"format", format},
        {"events", summary.events},
        {"cases", summary.cases},
        {"activities", summary.activities.size()},
        {"variants", summary.variants},
        {"first_timestamp", timestamp_json(summary.first_timestamp)},
        {"last_timestamp", timestamp_json(summary.last_timestamp)},
        {"skipped_rows", report.skipped_rows()},
        {"invalid_values", report.invalid_values()},
        {"warnings", report.warnings()},
        {"import_seconds", elapsed.count()},
    };
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace pmstudio::app
