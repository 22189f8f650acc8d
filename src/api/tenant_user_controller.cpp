#include "api/tenant_user_controller.h"

#include "api/user_json.h"

namespace pmstudio::api {
namespace {

constexpr const char* kUser = "/api/tenant/{tenantId}/user/{userId}";

RouteSpec tenant_scoped(RouteSpec spec) {
    spec.tag = "User";
    spec.access = Access::TenantKey;
    return spec;
}

}  // namespace

void register_tenant_user_routes(Router& router, services::UserService& users) {
    router.add(tenant_scoped({.method = "GET",
                              .pattern = "/api/tenant/{tenantId}/user",
                              .summary = "List the users assigned to a tenant",
                              .responses = {{200, "{users, totalCount, page, pageSize}"},
                                            {404, "Tenant not found"}}}),
               [&users](Request& request) {
                   const auto input = list_input_from_query(request);
                   const auto page = users.list_in_tenant(request.authenticated_caller(),
                                                          request.param("tenantId"), input);
                   return Response::json(200, user_page_json(page, input));
               });

    router.add(tenant_scoped({.method = "POST",
                              .pattern = "/api/tenant/{tenantId}/user",
                              .summary = "Create a user in a tenant, or assign the existing user "
                                         "with that email",
                              .has_json_body = true,
                              .responses = {{201, "{userId, email, displayName, message}"},
                                            {400, "Validation failed or tenant capacity reached"},
                                            {404, "Tenant not found"},
                                            {409, "Already assigned"}}}),
               [&users](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   const auto created = users.create_in_tenant(request.authenticated_caller(),
                                                               request.param("tenantId"),
                                                               create_input_from_body(body));
                   return Response::json(
                       201, created_user_json(created.user,
                                              created.existing_user
                                                  ? "Existing user assigned to tenant successfully"
                                                  : "User created and assigned to tenant "
                                                    "successfully"));
               });

    router.add(
        tenant_scoped({.method = "GET",
                       .pattern = kUser,
                       .summary = "Get a user assigned to the tenant",
                       .responses = {{200, "User"}, {404, "Tenant not found or not assigned"}}}),
        [&users](Request& request) {
            const auto view = users.get_in_tenant(
                request.authenticated_caller(), request.param("tenantId"), request.param("userId"));
            return Response::json(200, user_detail_json(view));
        });

    router.add(tenant_scoped({.method = "GET",
                              .pattern = "/api/tenant/{tenantId}/user/by-email/{email}",
                              .summary = "Get a user assigned to the tenant by email (URL encoded)",
                              .responses = {{200, "User"}, {404, "Tenant or user not found"}}}),
               [&users](Request& request) {
                   const auto view = users.get_by_email_in_tenant(request.authenticated_caller(),
                                                                  request.param("tenantId"),
                                                                  request.param("email"));
                   return Response::json(200, user_detail_json(view));
               });

    router.add(
        tenant_scoped({.method = "POST",
                       .pattern = kUser,
                       .summary = "Assign an existing user to the tenant (optional roleName)",
                       .has_json_body = true,
                       .responses = {{200, "Assigned"},
                                     {400, "Invalid role or tenant capacity reached"},
                                     {404, "Tenant or user not found"},
                                     {409, "Already assigned"}}}),
        [&users](Request& request) {
            const auto body = JsonBody::parse(request.body, true);
            users.assign(request.authenticated_caller(), request.param("tenantId"),
                         request.param("userId"), body.string("roleName"));
            return Response::json(200, Json{{"message", "User assigned to tenant successfully"}});
        });

    router.add(tenant_scoped({.method = "PUT",
                              .pattern = kUser,
                              .summary = "Update a user assigned to the tenant",
                              .has_json_body = true,
                              .responses = {{200, "Updated"},
                                            {400,
                                             "Validation failed, service-account rule or "
                                             "tenant capacity reached"},
                                            {404, "Tenant not found or not assigned"}}}),
               [&users](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   users.update_in_tenant(request.authenticated_caller(), request.param("tenantId"),
                                          update_input_from_body(body, request.param("userId")));
                   return Response::json(200, Json{{"message", "User updated successfully"}});
               });

    router.add(
        tenant_scoped({.method = "DELETE",
                       .pattern = kUser,
                       .summary = "Remove a user from the tenant (the user is kept)",
                       .responses = {{200, "Removed"}, {404, "Tenant not found or not assigned"}}}),
        [&users](Request& request) {
            users.remove_from_tenant(request.param("tenantId"), request.param("userId"));
            return Response::json(200, Json{{"message", "User removed from tenant successfully"}});
        });
}

}  // namespace pmstudio::api
