#include "api/dataset_import_controller.h"

#include <fmt/format.h>

#include "api/dataset_json.h"
#include "api/import_mapping.h"
#include "api/upload_form.h"
#include "common/clock.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBase = "/api/{tenantId}/{projectId}/dataset/{datasetId}/import";

Json parse_json_text(const std::string& text, const char* what) {
    auto document = Json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        throw importers::ImportError(400, fmt::format("{} is not valid JSON", what));
    }
    return document;
}

// "00:15:23" between two ISO timestamps of now_iso8601's form.
std::string duration_text(const std::string& start, const std::string& end) {
    auto seconds_of = [](const std::string& iso) {
        std::tm tm{};
        strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
        return static_cast<int64_t>(timegm(&tm));
    };
    const int64_t total = std::max<int64_t>(0, seconds_of(end) - seconds_of(start));
    return fmt::format("{:02}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

Json import_json(const storage::DatasetImportRecord& record) {
    Json body{
        {"importId", record.id},
        {"datasetId", record.dataset_id},
        {"status", record.status},
        {"fileName", record.file_name},
        {"fileSize", record.file_size},
        {"rowsProcessed", record.rows_processed},
        {"rowsTotal", record.rows_total},
        {"rowsSkipped", record.rows_skipped},
        {"startTime", record.start_time},
        {"endTime", optional_json(record.end_time)},
        {"duration", duration_text(record.start_time, record.end_time.value_or(now_iso8601()))}};
    const auto result = Json::parse(record.result, nullptr, false);
    body["errors"] =
        result.is_object() && result.contains("errors") ? result["errors"] : Json::array();
    body["warnings"] =
        result.is_object() && result.contains("warnings") ? result["warnings"] : Json::array();
    if (result.is_object() && result.contains("statistics"))
        body["statistics"] = result["statistics"];
    return body;
}

template <typename Work>
Response accepted(Work work) {
    return Response::json(202, import_json(work()));
}

}  // namespace

void register_dataset_import_routes(Router& router, services::DatasetService& datasets,
                                    services::DatasetImportService& imports) {
    router.add({.method = "POST",
                .pattern = kBase,
                .tag = "Dataset",
                .summary = "Replace a dataset's data asynchronously from an uploaded file "
                           "(.csv, .xes, .xes.gz, .json, .xlsx, .zip, .pmslog, .mzz) and a "
                           "columnMapping",
                .access = Access::TenantKey,
                .max_upload_bytes = kMaxUploadBytes,
                .responses = {{202, "Import status (Queued); poll the status route"},
                              {400, "Bad input, or dataset not found / not original"},
                              {413, "The file exceeds 1 GB"},
                              {422, "Unsupported mapping options"}}},
               [&datasets, &imports](Request& request) {
                   const auto& tenant = request.param("tenantId");
                   const auto& project = request.param("projectId");
                   UploadForm upload(request, datasets.new_upload_path(tenant, project));
                   return accepted([&] {
                       services::ImportSource source;
                       source.file_name = upload.file().file_name;
                       source.file_size = upload.file().size;
                       source.line_breaks = upload.file().line_breaks;
                       source.options = upload.import_options();
                       if (auto mapping = upload.form().field("columnMapping")) {
                           apply_column_mapping(parse_json_text(*mapping, "columnMapping"),
                                                source.options);
                       }
                       datasets.require_updatable(tenant, project, request.param("datasetId"));
                       source.file = upload.release_file();
                       return imports.start(request.authenticated_caller(), tenant, project,
                                            request.param("datasetId"), std::move(source));
                   });
               });
    router.add(
        {.method = "POST",
         .pattern = std::string(kBase) + "/csv",
         .tag = "Dataset",
         .summary = "Replace a dataset's data asynchronously from a CSV at fileUrl (http/https)",
         .access = Access::TenantKey,
         .has_json_body = true,
         .responses = {{202, "Import status (Queued)"},
                       {400, "Bad input, or dataset not found / not original"},
                       {422, "Unsupported options or transformations"}}},
        [&imports](Request& request) {
            return accepted([&] {
                const auto body = parse_json_text(request.body, "The request body");
                if (!body.is_object() || !body.contains("fileUrl") ||
                    !body["fileUrl"].is_string()) {
                    throw importers::ImportError(400, "fileUrl is required");
                }
                if (body.contains("transformations") && body["transformations"].is_array() &&
                    !body["transformations"].empty()) {
                    throw importers::ImportError(422, "transformations are not supported");
                }
                services::ImportSource source;
                source.url = body["fileUrl"].get<std::string>();
                const auto slash = source.url.find_last_of('/');
                source.file_name =
                    slash == std::string::npos ? source.url : source.url.substr(slash + 1);
                source.format = importers::LogFormat::Csv;
                apply_column_mapping(body, source.options);
                return imports.start(request.authenticated_caller(), request.param("tenantId"),
                                     request.param("projectId"), request.param("datasetId"),
                                     std::move(source));
            });
        });
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{importId}/status",
                .tag = "Dataset",
                .summary = "Progress and outcome of an asynchronous import",
                .access = Access::TenantKey,
                .responses = {{200, "Import status"}, {404, "Dataset or import not found"}}},
               [&imports](Request& request) {
                   return Response::json(
                       200, import_json(imports.status(
                                request.param("tenantId"), request.param("projectId"),
                                request.param("datasetId"), request.param("importId"))));
               });
}

}  // namespace pmstudio::api
