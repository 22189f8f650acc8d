#include "api/dataset_controller.h"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <utility>

#include "api/dataset_json.h"
#include "api/query_params.h"
#include "api/upload_form.h"
#include "common/scoped_file.h"
#include "common/service_error.h"
#include "eventlog/binary_format.h"
#include "importers/csv_writer.h"
#include "importers/xes_writer.h"

namespace pmstudio::api {
namespace {

using importers::LogFormat;

constexpr const char* kBase = "/api/{tenantId}/{projectId}/dataset";

struct UploadRoute {
    const char* suffix;  // csv, package, binary
    LogFormat format;
    const char* what;
};

constexpr UploadRoute kUploadRoutes[] = {
    {"csv", LogFormat::Csv, "a CSV file with column mappings"},
    {"package", LogFormat::Package, "a ZIP package (one data file + optional dataset.json)"},
    {"binary", LogFormat::Binary, "a pmstudio binary dataset file"},
};

const std::vector<ResponseDoc> kImportResponses = {
    {200,
     "{datasetId, caseCount, eventCount, invalidValueCount, skippedRowsCount, errors, "
     "rowIssues, statusCode}"},
    {400, "Bad input, or dataset not found / not original (update)"},
    {404, "Project not found"},
    {409, "A dataset of that name exists in the project"},
    {413, "The file exceeds 1 GB"},
    {422, "A mapped column is missing or the file is not of that format"}};

using ImportWork = std::function<services::DatasetImportOutcome(Request&, const UploadForm&,
                                                                const services::DatasetUpload&)>;

// Receives the upload, runs the import and answers in the documented import-result shape (a
// failed import's ImportError gets the same shape from the pipeline's error mapping).
Handler upload_handler(services::DatasetService& datasets, LogFormat format, ImportWork work) {
    return [&datasets, format, work = std::move(work)](Request& request) {
        UploadForm upload(request, datasets.new_upload_path(request.param("tenantId"),
                                                            request.param("projectId")));
        const auto& file = upload.file();
        return import_outcome_response(
            work(request, upload, {format, file.path, file.file_name, upload.import_options()}));
    };
}

void add_upload_routes(Router& router, services::DatasetService& datasets) {
    for (const UploadRoute& route : kUploadRoutes) {
        router.add({.method = "POST",
                    .pattern = fmt::format("{}/{}", kBase, route.suffix),
                    .tag = "Dataset",
                    .summary = fmt::format("Create a dataset from {}", route.what),
                    .access = Access::TenantKey,
                    .max_upload_bytes = kMaxUploadBytes,
                    .responses = kImportResponses},
                   upload_handler(datasets, route.format,
                                  [&datasets](Request& request, const UploadForm& upload,
                                              const services::DatasetUpload& data) {
                                      return datasets.create(
                                          request.authenticated_caller(), request.param("tenantId"),
                                          request.param("projectId"),
                                          upload.form().field("datasetName").value_or(""),
                                          upload.form().field("datasetDescription").value_or(""),
                                          data);
                                  }));
        router.add({.method = "PUT",
                    .pattern = fmt::format("{}/{{datasetId}}/{}", kBase, route.suffix),
                    .tag = "Dataset",
                    .summary = fmt::format("Replace a dataset's data with {}", route.what),
                    .access = Access::TenantKey,
                    .max_upload_bytes = kMaxUploadBytes,
                    .responses = kImportResponses},
                   upload_handler(datasets, route.format,
                                  [&datasets](Request& request, const UploadForm&,
                                              const services::DatasetUpload& data) {
                                      return datasets.update(request.authenticated_caller(),
                                                             request.param("tenantId"),
                                                             request.param("projectId"),
                                                             request.param("datasetId"), data);
                                  }));
    }
}

struct ExportFormat {
    const char* name;
    const char* extension;
    const char* content_type;
};

constexpr ExportFormat kExportFormats[] = {
    {"csv", ".csv", "text/csv; charset=utf-8"},
    {"xes", ".xes", "application/xml"},
    {"binary", ".pmslog", "application/octet-stream"},
};

Response export_dataset(services::DatasetService& datasets, Request& request) {
    const auto& tenant = request.param("tenantId");
    const auto& project = request.param("projectId");
    const std::string requested = request.query_param("format").value_or("csv");
    const ExportFormat* format = nullptr;
    for (const auto& candidate : kExportFormats) {
        if (requested == candidate.name) format = &candidate;
    }
    if (format == nullptr) {
        throw ServiceError::validation({fmt::format(
            "Query parameter 'format' must be csv, xes or binary, got '{}'", requested)});
    }
    const auto dataset = datasets.get(tenant, project, request.param("datasetId"));
    const auto log = datasets.load(tenant, project, dataset.id);
    Response response;
    ScopedFile file(datasets.new_upload_path(tenant, project));
    if (std::string_view(format->name) == "binary") {
        eventlog::write_event_log_file(*log, file.path());
    } else {
        std::ofstream out(file.path(), std::ios::binary);
        if (std::string_view(format->name) == "csv") {
            importers::write_csv(*log, out);
        } else {
            importers::write_xes(*log, out);
        }
        if (!out) throw std::runtime_error("cannot write the export file");
    }
    response.body_file = file.release();  // streamed, then removed by the transport
    response.remove_body_file = true;
    response.content_type = format->content_type;
    response.headers.emplace_back(
        "Content-Disposition",
        fmt::format("attachment; filename=\"{}{}\"", dataset.name, format->extension));
    return response;
}

}  // namespace

void register_dataset_routes(Router& router, services::DatasetService& datasets) {
    router.add({.method = "GET",
                .pattern = kBase,
                .tag = "Dataset",
                .summary = "List the datasets of a project",
                .access = Access::TenantKey,
                .responses = {{200, "{datasets: [...]}"}, {404, "Project not found"}}},
               [&datasets](Request& request) {
                   Json items = Json::array();
                   for (const auto& dataset :
                        datasets.list(request.param("tenantId"), request.param("projectId"))) {
                       items.push_back(dataset_json(dataset));
                   }
                   return Response::json(200, Json{{"datasets", items}});
               });
    add_upload_routes(router, datasets);
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{datasetId}",
                .tag = "Dataset",
                .summary = "Get one dataset (pmstudio addition)",
                .access = Access::TenantKey,
                .responses = {{200, "Dataset"}, {404, "Project or dataset not found"}}},
               [&datasets](Request& request) {
                   return Response::json(200,
                                         dataset_json(datasets.get(request.param("tenantId"),
                                                                   request.param("projectId"),
                                                                   request.param("datasetId"))));
               });
    router.add(
        {.method = "DELETE",
         .pattern = std::string(kBase) + "/{datasetId}",
         .tag = "Dataset",
         .summary = "Delete a dataset and its stored data (pmstudio addition)",
         .access = Access::TenantKey,
         .responses = {{200, "{message, datasetId}"},
                       {404, "Project or dataset not found"},
                       {409, "Investigations use the dataset"}}},
        [&datasets](Request& request) {
            const auto& dataset_id = request.param("datasetId");
            datasets.remove(request.param("tenantId"), request.param("projectId"), dataset_id);
            return Response::json(
                200, Json{{"message", "Dataset deleted successfully"}, {"datasetId", dataset_id}});
        });
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{datasetId}/export",
                .tag = "Dataset",
                .summary = "Export a dataset as csv, xes or binary (?format=, pmstudio addition)",
                .access = Access::TenantKey,
                .responses = {{200, "The file"},
                              {400, "Unknown format"},
                              {404, "Project or dataset not found"}}},
               [&datasets](Request& request) { return export_dataset(datasets, request); });
}

}  // namespace pmstudio::api
