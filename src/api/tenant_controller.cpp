#include "api/tenant_controller.h"

#include <fmt/format.h>

#include "api/json_body.h"
#include "api/query_params.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

constexpr int64_t kMaxPageSize = 100;

Json tenant_list_item(const services::TenantSummary& summary) {
    const auto& t = summary.tenant;
    return Json{{"tenantId", t.id},
                {"name", t.name},
                {"displayName", t.display_name},
                {"description", t.description},
                {"caseCount", summary.stats.case_count},
                {"maxUserCount", t.max_users},
                {"maxAnalystCount", t.max_analysts},
                {"analystCount", summary.stats.analyst_count},
                {"userCount", summary.stats.user_count},
                {"preRelease", t.pre_release},
                {"isAcademic", t.is_academic},
                {"autoload", t.autoload},
                {"dateCreated", t.date_created},
                {"isDisabled", t.is_disabled},
                {"maxCases", t.max_cases},
                {"timeZone", t.time_zone}};
}

Json tenant_detail(const storage::TenantRecord& t) {
    return Json{{"tenantId", t.id},
                {"name", t.name},
                {"displayName", t.display_name},
                {"description", t.description},
                {"isAcademic", t.is_academic},
                {"preRelease", t.pre_release},
                {"maxUserCount", t.max_users},
                {"maxAnalystCount", t.max_analysts},
                {"maxCases", t.max_cases},
                {"dateCreated", t.date_created},
                {"isDisabled", t.is_disabled},
                {"timeZone", t.time_zone},
                {"autoload", t.autoload}};
}

std::string required_tenant_id(const JsonBody& body) {
    auto id = body.guid("tenantId");
    if (!id) throw ServiceError::validation({"tenantId is required"});
    return *id;
}

std::string required_string(const JsonBody& body, const char* name) {
    auto value = body.string(name);
    if (!value) throw ServiceError::validation({fmt::format("{} is required", name)});
    return *value;
}

}  // namespace

void register_tenant_routes(Router& router, services::TenantService& tenants) {
    router.add({.method = "GET",
                .pattern = "/api/tenant",
                .tag = "Tenant",
                .summary = "List all tenants (page, pageSize max 100)",
                .access = Access::GlobalKey,
                .tenant_key_error = "This endpoint requires a Global API key. Tenant-specific API "
                                    "keys cannot list all tenants.",
                .responses = {{200, "{tenants, totalCount, page, pageSize}"}}},
               [&tenants](Request& request) {
                   const auto page = page_from_query(request, kMaxPageSize);
                   const auto result = tenants.list(page);
                   Json items = Json::array();
                   for (const auto& summary : result.tenants)
                       items.push_back(tenant_list_item(summary));
                   return Response::json(200, Json{{"tenants", items},
                                                   {"totalCount", result.total_count},
                                                   {"page", page.page},
                                                   {"pageSize", page.page_size}});
               });

    router.add({.method = "GET",
                .pattern = "/api/tenant/{tenantId}",
                .tag = "Tenant",
                .summary = "Get a tenant by id",
                .access = Access::GlobalKey,
                .responses = {{200, "Tenant"}, {404, "Tenant not found"}}},
               [&tenants](Request& request) {
                   return Response::json(200,
                                         tenant_detail(tenants.get(request.param("tenantId"))));
               });

    router.add(
        {.method = "POST",
         .pattern = "/api/tenant",
         .tag = "Tenant",
         .summary = "Create a tenant",
         .access = Access::GlobalKey,
         .has_json_body = true,
         .responses = {{201, "Created"},
                       {400, "Validation failed"},
                       {409, "Name already exists"},
                       {429, "Licence limit of tenants reached"}}},
        [&tenants](Request& request) {
            const auto body = JsonBody::parse(request.body);
            services::CreateTenantInput input{
                body.string("name"),      body.string("displayName"), body.string("description"),
                body.integer("maxUsers"), body.integer("maxAnalyst"), body.integer("maxCases"),
                body.string("timeZone")};
            const auto created = tenants.create(input);
            const auto& t = created.tenant;
            return Response::json(
                201,
                Json{{"tenantId", t.id},
                     {"name", t.name},
                     {"displayName", t.display_name},
                     {"message", fmt::format("Tenant '{}' created successfully", t.display_name)},
                     {"storageContainerCreated", created.storage_container_created}});
        });

    router.add(
        {.method = "PUT",
         .pattern = "/api/tenant",
         .tag = "Tenant",
         .summary = "Update a tenant; null or absent fields are left unchanged",
         .access = Access::GlobalKey,
         .has_json_body = true,
         .responses = {{200, "Updated"}, {400, "Validation failed"}, {404, "Tenant not found"}}},
        [&tenants](Request& request) {
            const auto body = JsonBody::parse(request.body);
            services::UpdateTenantInput input;
            input.tenant_id = required_tenant_id(body);
            input.display_name = body.string("displayName");
            input.description = body.string("description");
            input.max_users = body.integer("maxUsers");
            input.max_analysts = body.integer("maxAnalyst");
            input.max_cases = body.integer("maxCases");
            input.time_zone = body.string("timeZone");
            input.is_academic = body.boolean("isAcademic");
            input.pre_release = body.boolean("preRelease");
            input.is_disabled = body.boolean("isDisabled");
            const auto t = tenants.update(input);
            return Response::json(
                200, Json{{"tenantId", t.id},
                          {"name", t.name},
                          {"displayName", t.display_name},
                          {"message", fmt::format("Tenant '{}' updated successfully", t.name)},
                          {"isDisabled", t.is_disabled}});
        });

    router.add(
        {.method = "DELETE",
         .pattern = "/api/tenant",
         .tag = "Tenant",
         .summary = "Delete a tenant and everything it owns (triple verification)",
         .access = Access::GlobalKey,
         .has_json_body = true,
         .responses = {{200, "Deleted"}, {400, "Verification failed"}, {404, "Tenant not found"}}},
        [&tenants](Request& request) {
            const auto body = JsonBody::parse(request.body);
            services::DeleteTenantInput input{required_tenant_id(body),
                                              required_string(body, "name"),
                                              required_string(body, "displayName")};
            const auto deleted = tenants.remove(input);
            return Response::json(
                200, Json{{"message", fmt::format("Tenant '{}' deleted successfully",
                                                  deleted.tenant.display_name)},
                          {"tenantName", deleted.tenant.name},
                          {"tenantDisplayName", deleted.tenant.display_name},
                          {"storageContainerDeleted", deleted.storage_container_deleted}});
        });
}

}  // namespace pmstudio::api
