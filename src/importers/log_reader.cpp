#include "importers/log_reader.h"

#include <fmt/format.h>
#include <strings.h>

#include "common/text.h"
#include "eventlog/binary_format.h"
#include "importers/csv_reader.h"
#include "importers/json_mapping.h"
#include "importers/json_table_source.h"
#include "importers/mzz_reader.h"
#include "importers/package_reader.h"
#include "importers/table_importer.h"
#include "importers/xes_reader.h"
#include "importers/xlsx_table_source.h"

namespace pmstudio::importers {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && strncasecmp(text.data() + text.size() - suffix.size(),
                                                       suffix.data(), suffix.size()) == 0;
}

// A file that carries its own mapping: the columns the options name must be the ones it has.
void require_own_mapping(const eventlog::EventLog& log, const ImportOptions& options,
                         std::string_view kind) {
    const auto& meta = log.metadata;
    std::vector<std::string> mismatches;
    auto check = [&](const std::string& given, const std::string& stored) {
        if (!given.empty() && given != stored) {
            mismatches.push_back(fmt::format("Column '{}' not found in {} file", given, kind));
        }
    };
    check(options.mapping.case_id, meta.case_id_column);
    check(options.mapping.activity, meta.activity_column);
    check(options.mapping.timestamp, meta.timestamp_column);
    check(options.mapping.resource, meta.resource_column);
    check(options.mapping.start_time, meta.start_time_column);
    if (!mismatches.empty()) throw ImportError(422, mismatches);
}

eventlog::EventLog read_binary(const std::filesystem::path& file, const ImportOptions& options) {
    eventlog::EventLog log;
    try {
        log = eventlog::read_event_log_file(file);
    } catch (const eventlog::FormatError& error) {
        throw ImportError(400, fmt::format("Invalid binary dataset file: {}", error.what()));
    }
    require_own_mapping(log, options, "binary");
    return log;
}

eventlog::EventLog read_mindzie(const std::filesystem::path& file, const ImportOptions& options) {
    eventlog::EventLog log;
    try {
        log = read_mzz(file);
    } catch (const MzzFormatError& error) {
        throw ImportError(400, fmt::format("Invalid mindzie dataset file: {}", error.what()));
    }
    require_own_mapping(log, options, "mindzie dataset");
    return log;
}

}  // namespace

std::optional<LogFormat> format_from_name(std::string_view name) {
    for (LogFormat format : {LogFormat::Csv, LogFormat::Xes, LogFormat::Json, LogFormat::Excel,
                             LogFormat::Package, LogFormat::Binary, LogFormat::Mzz}) {
        if (iequals(format_name(format), name)) {
            return format;
        }
    }
    return std::nullopt;
}

std::optional<LogFormat> format_of_file_name(std::string_view name) {
    if (ends_with(name, ".csv") || ends_with(name, ".txt")) return LogFormat::Csv;
    if (ends_with(name, ".xes") || ends_with(name, ".xes.gz")) return LogFormat::Xes;
    if (ends_with(name, ".json")) return LogFormat::Json;
    if (ends_with(name, ".xlsx")) return LogFormat::Excel;
    if (ends_with(name, ".zip")) return LogFormat::Package;
    if (ends_with(name, ".pmslog")) return LogFormat::Binary;
    if (ends_with(name, ".mzz")) return LogFormat::Mzz;
    return std::nullopt;
}

std::string_view format_name(LogFormat format) {
    switch (format) {
        case LogFormat::Csv:
            return "csv";
        case LogFormat::Xes:
            return "xes";
        case LogFormat::Json:
            return "json";
        case LogFormat::Excel:
            return "xlsx";
        case LogFormat::Package:
            return "package";
        case LogFormat::Binary:
            return "binary";
        case LogFormat::Mzz:
            return "mzz";
    }
    return "unknown";
}

eventlog::EventLog read_event_log(LogFormat format, const std::filesystem::path& file,
                                  const ImportOptions& options, ImportReport& report) {
    switch (format) {
        case LogFormat::Csv:
            return read_csv(file, options, report);
        case LogFormat::Binary:
            return read_binary(file, options);
        case LogFormat::Xes:
            return read_xes(file, options, report);
        case LogFormat::Excel: {
            XlsxTableSource source(file.string(), options, report);
            return import_table(source, options, report, "Excel", "xlsx");
        }
        case LogFormat::Json: {
            const auto mapping = options.json_mapping.empty()
                                     ? std::vector<JsonMapping>{}
                                     : parse_json_mapping(options.json_mapping);
            JsonTableSource source(file.string(), mapping, report);
            return import_table(source, options, report, "JSON", "json");
        }
        case LogFormat::Package:
            return read_package(file, options, report);
        case LogFormat::Mzz:
            return read_mindzie(file, options);
    }
    throw ImportError(422, "Unsupported file format");
}

}  // namespace pmstudio::importers
