#include "app/inspect_command.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "eventlog/log_summary.h"
#include "eventlog/time_format.h"
#include "importers/log_reader.h"

namespace pmstudio::app {
namespace {

importers::LogFormat format_of(const InspectOptions& options) {
    const auto format = options.format.empty()
                            ? importers::format_of_file_name(options.file.filename().string())
                            : importers::format_from_name(options.format);
    if (!format) {
        throw std::invalid_argument("Unknown format of '" + options.file.string() +
                                    "': use --format csv|xes|json|xlsx|package|binary|mzz");
    }
    return *format;
}

nlohmann::json timestamp_json(int64_t micros) {
    if (micros == eventlog::kNoTime) return nullptr;
    return eventlog::format_utc(micros);
}

// Name, type and derived flag of each attribute column.
nlohmann::json attributes_json(const std::vector<eventlog::Column>& columns) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& column : columns) {
        out.push_back({{"name", column.name},
                       {"type", eventlog::value_type_name(column.type)},
                       {"derived", column.derived}});
    }
    return out;
}

}  // namespace

int run_inspect(const InspectOptions& options) {
    const importers::LogFormat format = format_of(options);
    importers::ImportOptions import_options;
    import_options.time_zone = options.time_zone;
    import_options.culture = options.culture;
    import_options.mapping = options.mapping;
    importers::ImportReport report;
    const auto started = std::chrono::steady_clock::now();
    const eventlog::EventLog log =
        importers::read_event_log(format, options.file, import_options, report);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

    const eventlog::LogSummary summary = eventlog::summarize(log);
    const nlohmann::json out{
        {"file", options.file.string()},
        {"format", importers::format_name(format)},
        {"events", summary.events},
        {"cases", summary.cases},
        {"activities", summary.activities.size()},
        {"variants", summary.variants},
        {"first_timestamp", timestamp_json(summary.first_timestamp)},
        {"last_timestamp", timestamp_json(summary.last_timestamp)},
        {"freeze_time", timestamp_json(log.metadata.freeze_time)},
        {"case_attributes", attributes_json(log.case_attributes)},
        {"event_attributes", attributes_json(log.event_attributes)},
        {"skipped_rows", report.skipped_rows()},
        {"invalid_values", report.invalid_values()},
        {"warnings", report.warnings()},
        {"import_seconds", elapsed.count()},
    };
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace pmstudio::app
