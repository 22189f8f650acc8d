#include "api/project_cache_controller.h"

namespace pmstudio::api {

void register_project_cache_routes(Router& router, services::ProjectService& projects) {
    router.add({.method = "GET",
                .pattern = "/api/{tenantId}/project/{projectId}/load",
                .tag = "Project",
                .summary = "Load a project into the cache (expires 30 minutes after last use)",
                .responses = {{200,
                               "{projectId, projectName, tenantName, investigationCount, "
                               "notebookCount, datasetCount, loadedFromCache, message}"},
                              {404, "Project not found"}}},
               [&projects](Request& request) {
                   const auto loaded =
                       projects.load(request.param("tenantId"), request.param("projectId"));
                   const auto& p = loaded.view.project;
                   const auto& c = loaded.view.counts;
                   return Response::json(
                       200, Json{{"projectId", p.id},
                                 {"projectName", p.name},
                                 {"tenantName", loaded.tenant_name},
                                 {"investigationCount", c.investigations},
                                 {"notebookCount", c.notebooks},
                                 {"datasetCount", c.datasets},
                                 {"loadedFromCache", loaded.from_cache},
                                 {"message", loaded.from_cache ? "Project loaded from cache"
                                                               : "Project loaded from database"},
                                 {"datasetBytesLoaded", loaded.dataset_bytes_loaded},
                                 {"loadSeconds", loaded.load_seconds}});
               });

    router.add(
        {.method = "DELETE",
         .pattern = "/api/{tenantId}/project/{projectId}/unload",
         .tag = "Project",
         .summary = "Remove a project from the cache",
         .responses = {{200, "{projectId, wasInCache, message}"}, {404, "Project not found"}}},
        [&projects](Request& request) {
            const auto& project_id = request.param("projectId");
            const bool was_in_cache = projects.unload(request.param("tenantId"), project_id);
            return Response::json(
                200, Json{{"projectId", project_id},
                          {"wasInCache", was_in_cache},
                          {"message", was_in_cache ? "Project unloaded from cache successfully"
                                                   : "Project was not in cache"}});
        });
}

}  // namespace pmstudio::api
