#include "api/ping_controller.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "services/project_lookup.h"
#include "services/tenant_service.h"

namespace pmstudio::api {
namespace {

// Sections whose pings sit under /api/{tenantId}/{projectId}/<section>/.
constexpr const char* kProjectSections[] = {"action",  "actionexecution", "block",   "dashboard",
                                            "dataset", "investigation",   "notebook"};

Response unauthorized_ping(Request&) {
    return Response::text(200, "Ping Successful");
}

void add_ping_pair(Router& router, storage::Store& store, const std::string& base,
                   const std::string& tag) {
    router.add({.method = "GET",
                .pattern = base + "/unauthorized-ping",
                .tag = tag,
                .summary = "Connectivity test without authentication",
                .access = Access::Public,
                .plain_text = true,
                .responses = {{200, "Ping Successful"}}},
               unauthorized_ping);
    router.add({.method = "GET",
                .pattern = base + "/ping",
                .tag = tag,
                .summary = "Authenticated connectivity test for a tenant",
                .access = Access::TenantKey,
                .plain_text = true,
                .responses = {{200, "Ping Successful (tenant id: ...)"},
                              {404, "Tenant or project not found"}}},
               [&store](Request& request) {
                   const std::string& tenant_id = request.param("tenantId");
                   auto project = request.path_params.find("projectId");
                   if (project != request.path_params.end()) {
                       services::require_project(store, tenant_id, project->second);
                   } else {
                       services::require_tenant(store, tenant_id);
                   }
                   return Response::text(200,
                                         fmt::format("Ping Successful (tenant id: {})", tenant_id));
               });
}

}  // namespace

void register_ping_routes(Router& router, storage::Store& store) {
    router.add({.method = "GET",
                .pattern = "/api/Action/ping",
                .tag = "Action",
                .summary = "Basic connectivity test",
                .access = Access::Public,
                .responses = {{200, "{status, timestamp, version}"}}},
               [](Request&) {
                   return Response::json(200, Json{{"status", "ok"},
                                                   {"timestamp", now_iso8601()},
                                                   {"version", PMSTUDIO_VERSION}});
               });
    router.add(
        {.method = "GET",
         .pattern = "/api/Action/ping/authenticated",
         .tag = "Action",
         .summary = "Verifies the API key; echoes X-Tenant-Id / X-Project-Id",
         .access = Access::AnyKey,
         .responses = {{200, "{status, timestamp, tenantId, projectId, userId, permissions}"}}},
        [](Request& request) {
            const auto& caller = request.authenticated_caller();
            Json tenant = optional_json(caller.tenant_id);
            if (!caller.tenant_id) {
                if (auto header = request.header("x-tenant-id")) tenant = *header;
            }
            auto project = request.header("x-project-id");
            Json permissions =
                caller.is_global() ? Json{"read", "write", "admin"} : Json{"read", "write"};
            return Response::json(200, Json{{"status", "authenticated"},
                                            {"timestamp", now_iso8601()},
                                            {"tenantId", tenant},
                                            {"projectId", optional_json(project)},
                                            {"userId", caller.key_name},
                                            {"permissions", permissions}});
        });
    add_ping_pair(router, store, "/api/{tenantId}/project", "Project");
    for (const char* section : kProjectSections) {
        std::string tag(section);
        tag[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tag[0])));
        add_ping_pair(router, store, std::string("/api/{tenantId}/{projectId}/") + section, tag);
    }
}

}  // namespace pmstudio::api
