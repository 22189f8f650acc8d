#include "api/notebook_controller.h"

#include "api/analysis_json.h"
#include "api/json_body.h"
#include "api/public_url.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBase = "/api/{tenantId}/{projectId}/notebook";

services::NotebookInput notebook_input(const JsonBody& body) {
    return {body.string("name"), body.string("description"), body.integer("notebookType"),
            body.number("notebookOrder"), body.string("dateModified")};
}

}  // namespace

void register_notebook_routes(Router& router, services::NotebookService& notebooks) {
    const std::string by_investigation = std::string(kBase) + "/investigation/{investigationId}";
    const std::string one = std::string(kBase) + "/{notebookId}";
    router.add({.method = "GET",
                .pattern = by_investigation,
                .tag = "Notebook",
                .summary = "List the notebooks of an investigation",
                .responses = {{200, "[Notebook]"}, {404, "Project or investigation not found"}}},
               [&notebooks](Request& request) {
                   Json items = Json::array();
                   for (const auto& notebook :
                        notebooks.list(request.param("tenantId"), request.param("projectId"),
                                       request.param("investigationId"))) {
                       items.push_back(notebook_json(notebook));
                   }
                   return Response::json(200, items);
               });
    router.add({.method = "POST",
                .pattern = by_investigation,
                .tag = "Notebook",
                .summary = "Create an empty notebook (name unique within the investigation)",
                .has_json_body = true,
                .responses = {{201, "Notebook"},
                              {400, "Validation failed or the name is taken"},
                              {404, "Project or investigation not found"}}},
               [&notebooks](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   return Response::json(
                       201, notebook_json(notebooks.create(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("investigationId"),
                                notebook_input(body))));
               });
    router.add({.method = "POST",
                .pattern = by_investigation + "/from-template",
                .tag = "Notebook",
                .summary = "Create a notebook from a template with its blocks, dashboard blocks "
                           "and panels",
                .has_json_body = true,
                .responses = {{201, "Notebook"},
                              {400, "Validation failed or the name is taken"},
                              {404, "Project, investigation or template not found"}}},
               [&notebooks](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   const auto template_id = body.guid("templateId");
                   if (!template_id) throw ServiceError::validation({"templateId is required"});
                   return Response::json(
                       201, notebook_json(notebooks.create_from_template(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("investigationId"),
                                *template_id, notebook_input(body))));
               });
    router.add({.method = "GET",
                .pattern = one,
                .tag = "Notebook",
                .summary = "Get a notebook",
                .responses = {{200, "Notebook"}, {404, "Project or notebook not found"}}},
               [&notebooks](Request& request) {
                   return Response::json(200,
                                         notebook_json(notebooks.get(request.param("tenantId"),
                                                                     request.param("projectId"),
                                                                     request.param("notebookId"))));
               });
    router.add({.method = "PUT",
                .pattern = one,
                .tag = "Notebook",
                .summary = "Update a notebook; a stale dateModified is a 409",
                .has_json_body = true,
                .responses = {{200, "Notebook"},
                              {400, "Validation failed or the name is taken"},
                              {404, "Project or notebook not found"},
                              {409, "Modified since the given dateModified"}}},
               [&notebooks](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   return Response::json(
                       200, notebook_json(notebooks.update(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("notebookId"),
                                notebook_input(body))));
               });
    router.add(
        {.method = "DELETE",
         .pattern = one,
         .tag = "Notebook",
         .summary = "Delete a notebook and its blocks",
         .responses = {{200, "{Message, NotebookId}"}, {404, "Project or notebook not found"}}},
        [&notebooks](Request& request) {
            const auto& notebook_id = request.param("notebookId");
            notebooks.remove(request.param("tenantId"), request.param("projectId"), notebook_id);
            return Response::json(200, Json{{"Message", "Notebook successfully deleted"},
                                            {"NotebookId", notebook_id}});
        });
    router.add({.method = "POST",
                .pattern = one + "/copy",
                .tag = "Notebook",
                .summary = "Copy a notebook with all its blocks into this or another investigation",
                .has_json_body = true,
                .responses = {{201, "Notebook"},
                              {400, "Validation failed or the name is taken"},
                              {404, "Project, notebook or investigation not found"}}},
               [&notebooks](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   return Response::json(
                       201, notebook_json(notebooks.copy(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("notebookId"),
                                body.string("name"), body.guid("destinationInvestigationId"))));
               });
    router.add({.method = "GET",
                .pattern = one + "/url",
                .tag = "Notebook",
                .summary = "The notebook's shareable URL (a page this server serves)",
                .responses = {{200, "{notebookId, url, relativePath, expiresAt}"},
                              {404, "Project or notebook not found"}}},
               [&notebooks](Request& request) {
                   const auto location =
                       notebooks.locate(request.param("tenantId"), request.param("projectId"),
                                        request.param("notebookId"));
                   return Response::json(
                       200, Json{{"notebookId", location.notebook.id},
                                 {"url", public_base_url(request) + location.relative_path},
                                 {"relativePath", location.relative_path},
                                 {"expiresAt", nullptr}});
               });
}

}  // namespace pmstudio::api
