#include "api/dataset_preview_controller.h"

#include <fmt/format.h>

#include "api/dataset_json.h"
#include "api/upload_form.h"
#include "eventlog/time_format.h"
#include "importers/csv_table_source.h"
#include "importers/json_mapping.h"
#include "importers/json_table_source.h"
#include "importers/log_reader.h"
#include "importers/table_preview.h"
#include "importers/xlsx_table_source.h"

namespace pmstudio::api {
namespace {

constexpr int64_t kPreviewRows = 10000;
constexpr size_t kPreviewEvents = 20;

Json mapping_json(const importers::ColumnMapping& mapping) {
    auto or_null = [](const std::string& name) {
        return name.empty() ? Json(nullptr) : Json(name);
    };
    return Json{{"caseIdColumn", or_null(mapping.case_id)},
                {"activityNameColumn", or_null(mapping.activity)},
                {"activityTimeColumn", or_null(mapping.timestamp)},
                {"resourceColumn", or_null(mapping.resource)},
                {"startTimeColumn", or_null(mapping.start_time)}};
}

Json events_json(const eventlog::EventLog& log) {
    Json events = Json::array();
    for (size_t c = 0; c < log.case_count() && events.size() < kPreviewEvents; ++c) {
        for (uint32_t e = log.case_offsets[c];
             e < log.case_offsets[c + 1] && events.size() < kPreviewEvents; ++e) {
            Json attributes = Json::object();
            for (const auto& column : log.case_attributes) {
                if (!column.is_null(c)) attributes[column.name] = column.text(c);
            }
            for (const auto& column : log.event_attributes) {
                if (!column.is_null(e)) attributes[column.name] = column.text(e);
            }
            Json event{{"caseId", log.case_ids[c]},
                       {"activity", log.activities[log.activity[e]]},
                       {"timestamp", eventlog::format_utc(log.timestamp[e])}};
            if (log.has_resource()) {
                event["resource"] = log.resource[e] == eventlog::kNoResource
                                        ? Json(nullptr)
                                        : Json(log.resources[log.resource[e]]);
            }
            if (log.has_start_time()) {
                event["startTime"] = log.start_time[e] == eventlog::kNoTime
                                         ? Json(nullptr)
                                         : Json(eventlog::format_utc(log.start_time[e]));
            }
            event["attributes"] = attributes;
            events.push_back(std::move(event));
        }
    }
    return events;
}

Response preview(const UploadForm& upload, const std::string& time_zone) {
    const auto& file = upload.file();
    auto options = upload.import_options();
    if (options.time_zone.empty()) options.time_zone = time_zone;
    const auto format =
        importers::format_of_file_name(file.file_name).value_or(importers::LogFormat::Csv);
    Json dialect = Json::object();
    importers::TablePreview result;
    if (format == importers::LogFormat::Csv) {
        importers::CsvTableSource source(file.path, options.delimiter, options.encoding);
        result = importers::preview_table(source, options, kPreviewRows);
        dialect = Json{{"delimiter", std::string(1, source.delimiter())},
                       {"encoding", source.encoding()},
                       {"hasHeader", true}};
    } else if (format == importers::LogFormat::Excel) {
        importers::ImportReport sheet_report;
        importers::XlsxTableSource source(file.path.string(), options, sheet_report);
        result = importers::preview_table(source, options, kPreviewRows);
    } else if (format == importers::LogFormat::Json) {
        importers::ImportReport json_report;
        const auto mapping = options.json_mapping.empty()
                                 ? std::vector<importers::JsonMapping>{}
                                 : importers::parse_json_mapping(options.json_mapping);
        importers::JsonTableSource source(file.path.string(), mapping, json_report);
        result = importers::preview_table(source, options, kPreviewRows);
    } else {
        throw importers::ImportError(
            422,
            "Preview reads tabular files (.csv, .xlsx, .json); XES and packages map "
            "themselves");
    }
    Json columns = Json::array();
    for (const auto& column : result.columns) {
        columns.push_back(Json{{"name", column.name},
                               {"inferredType", eventlog::value_type_name(column.type)},
                               {"dateFormat", optional_json(column.date_format)},
                               {"nonEmptyValues", column.non_empty},
                               {"examples", column.examples}});
    }
    Json body{{"fileName", file.file_name},
              {"format", importers::format_name(format)},
              {"rowsScanned", result.rows_scanned}};
    body.update(dialect);
    body["columns"] = columns;
    body["suggestedMapping"] = mapping_json(result.suggested);
    if (result.log) {
        body["mappingUsed"] = mapping_json(
            {result.log->metadata.case_id_column, result.log->metadata.activity_column,
             result.log->metadata.timestamp_column, result.log->metadata.resource_column,
             result.log->metadata.start_time_column});
        body["caseCount"] = result.log->case_count();
        body["eventCount"] = result.log->event_count();
        body["events"] = events_json(*result.log);
    } else {
        body["mappingUsed"] = nullptr;
        body["events"] = Json::array();
    }
    body["skippedRowsCount"] = result.report.skipped_rows();
    body["invalidValueCount"] = result.report.invalid_values();
    body["rowIssues"] = row_issues_json(result.report.issues());
    return Response::json(200, body);
}

}  // namespace

void register_dataset_preview_route(Router& router, services::DatasetService& datasets) {
    router.add({.method = "POST",
                .pattern = "/api/{tenantId}/{projectId}/dataset/preview",
                .tag = "Dataset",
                .summary = "Preview a CSV/Excel/JSON file: dialect, column types, date formats, "
                           "suggested mapping, first 20 events, row issues (stores nothing)",
                .access = Access::TenantKey,
                .max_upload_bytes = kMaxUploadBytes,
                .responses = {{200, "The preview"},
                              {400, "Malformed upload or file"},
                              {404, "Project not found"},
                              {413, "The file exceeds 1 GB"},
                              {422, "A named column is missing, or the file is not tabular"}}},
               [&datasets](Request& request) {
                   const auto& tenant = request.param("tenantId");
                   const auto& project = request.param("projectId");
                   UploadForm upload(request, datasets.new_upload_path(tenant, project));
                   return preview(upload, datasets.default_time_zone(tenant));
               });
}

}  // namespace pmstudio::api
