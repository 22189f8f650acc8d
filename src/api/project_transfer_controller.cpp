#include "api/project_transfer_controller.h"

#include "api/attachment.h"
#include "api/error_mapping.h"
#include "api/project_import_json.h"
#include "api/upload_form.h"
#include "common/text.h"
#include "services/package_layout.h"

namespace pmstudio::api {
namespace {

// The import route's documented error body.
Response import_error(int status, const std::string& message) {
    return Response::json(status, Json{{"success", false}, {"errorMessage", message}});
}

std::vector<std::string> query_values(const Request& request, const std::string& name) {
    std::vector<std::string> values;
    for (const auto& [key, value] : request.query) {
        if (iequals(key, name)) values.push_back(value);
    }
    return values;
}

Response import_package(Request& request, services::ProjectImportService& imports) {
    const auto& tenant = request.param("tenantId");
    const UploadForm upload(request, imports.new_upload_path(tenant));
    const auto& file = upload.file();
    if (!services::package_layout::is_package_name(file.file_name)) {
        return import_error(400, "Invalid file format. Expected .mpz file.");
    }
    const auto handling = services::parse_duplicate_handling(
        request.query_param("duplicate_check"), query_values(request, "overwrite_types"));
    return Response::json(200, project_import_json(imports.import_package(
                                   request.authenticated_caller(), tenant, file.path, handling)));
}

}  // namespace

void register_project_transfer_routes(Router& router, services::ProjectExportService& exports,
                                      services::ProjectImportService& imports) {
    router.add(
        {.method = "GET",
         .pattern = "/api/{tenantId}/project/{projectId}/download",
         .tag = "Project",
         .summary = "Export the project as a .mpz package (project.mcl, datasets, blobs)",
         .access = Access::TenantKey,
         .responses = {{200, "The package (application/octet-stream, {projectName}.mpz)"},
                       {404, "Project not found"}}},
        [&exports](Request& request) {
            auto package =
                exports.export_project(request.param("tenantId"), request.param("projectId"));
            Response response;
            response.body_file = package.file;  // streamed, then removed by the transport
            response.remove_body_file = true;
            response.content_type = "application/octet-stream";
            response.headers.emplace_back(
                "Content-Disposition",
                attachment_disposition(package.project_name,
                                       services::package_layout::kPackageExtension, "project"));
            return response;
        });

    router.add({.method = "POST",
                .pattern = "/api/{tenantId}/project/import",
                .tag = "Project",
                .summary = "Import a project from a .mpz package (multipart field 'file'); "
                           "duplicate_check=skip|create_new|overwrite, overwrite_types",
                .access = Access::TenantKey,
                .max_upload_bytes = kMaxUploadBytes,
                .too_large_response =
                    [](const std::string& message) { return import_error(400, message); },
                .responses = {{200,
                               "{success, projectId, projectName, datasetsImported, "
                               "investigationsImported, dashboardsImported, message, details}"},
                              {400,
                               "{success: false, errorMessage}: not a .mpz, not a zip, a bad "
                               "project.mcl, unsafe entries, a zip bomb, over 1 GB"},
                              {409, "The target project changed during the import"}}},
               [&imports](Request& request) {
                   try {
                       return import_package(request, imports);
                   } catch (const ServiceError& error) {
                       Response response = import_error(error.kind() == ErrorKind::PayloadTooLarge
                                                            ? 400
                                                            : status_for(error.kind()),
                                                        error.what());
                       // The rest of an oversized body was not read: the connection cannot be
                       // reused.
                       if (error.kind() == ErrorKind::PayloadTooLarge) {
                           response.headers.emplace_back("Connection", "close");
                       }
                       return response;
                   } catch (const importers::ImportError& error) {
                       return import_error(error.status(), error.what());
                   }
               });
}

}  // namespace pmstudio::api
