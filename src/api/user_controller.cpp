#include "api/user_controller.h"

#include <fmt/format.h>

#include "api/user_json.h"

namespace pmstudio::api {
namespace {

// The 401 a tenant key receives names what it tried and the tenant-scoped route to use instead.
RouteSpec global_only(RouteSpec spec, const char* attempted, const char* alternative) {
    spec.tag = "User";
    spec.access = Access::GlobalKey;
    spec.tenant_key_error = fmt::format(
        "This endpoint requires a Global API key. Tenant-specific API keys cannot {}.", attempted);
    spec.tenant_key_hint =
        fmt::format("Use {}, or create a Global API key at /admin/global-api-keys", alternative);
    return spec;
}

}  // namespace

void register_user_routes(Router& router, services::UserService& users) {
    router.add(global_only({.method = "GET",
                            .pattern = "/api/user",
                            .summary = "List all users",
                            .responses = {{200, "{users, totalCount, page, pageSize}"}}},
                           "list all users",
                           "/api/tenant/{tenantId}/user to list users for a specific tenant"),
               [&users](Request& request) {
                   const auto input = list_input_from_query(request);
                   return Response::json(200, user_page_json(users.list(input), input));
               });

    router.add(global_only({.method = "POST",
                            .pattern = "/api/user",
                            .summary = "Create a user (not assigned to any tenant)",
                            .has_json_body = true,
                            .responses = {{201, "{userId, email, displayName, message}"},
                                          {400, "Validation failed"},
                                          {409, "Email already exists"}}},
                           "create users outside a tenant",
                           "/api/tenant/{tenantId}/user to create a user in a specific tenant"),
               [&users](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   const auto user = users.create(create_input_from_body(body));
                   return Response::json(201, created_user_json(user, "User created successfully"));
               });

    router.add(
        global_only({.method = "GET",
                     .pattern = "/api/user/{userId}",
                     .summary = "Get a user by id, with tenant assignments",
                     .responses = {{200, "User"}, {404, "User not found"}}},
                    "read users outside their tenant",
                    "/api/tenant/{tenantId}/user/{userId} to read a user of a specific tenant"),
        [&users](Request& request) {
            return Response::json(200, user_detail_json(users.get(request.param("userId"))));
        });

    router.add(
        global_only({.method = "PUT",
                     .pattern = "/api/user/{userId}",
                     .summary = "Update a user; null or absent fields are left unchanged",
                     .has_json_body = true,
                     .responses = {{200, "Updated"},
                                   {400, "Validation failed or service-account rule"},
                                   {404, "User not found"}}},
                    "update users outside their tenant",
                    "/api/tenant/{tenantId}/user/{userId} to update a user of a specific tenant"),
        [&users](Request& request) {
            const auto body = JsonBody::parse(request.body);
            users.update(request.authenticated_caller(),
                         update_input_from_body(body, request.param("userId")));
            return Response::json(200, Json{{"message", "User updated successfully"}});
        });

    router.add(global_only({.method = "GET",
                            .pattern = "/api/user/by-email/{email}",
                            .summary = "Get a user by email (URL encoded)",
                            .responses = {{200, "User"}, {404, "User not found"}}},
                           "look up users outside their tenant",
                           "/api/tenant/{tenantId}/user/by-email/{email} to look up a user of a "
                           "specific tenant"),
               [&users](Request& request) {
                   return Response::json(
                       200, user_detail_json(users.get_by_email(request.param("email"))));
               });

    router.add(
        global_only({.method = "GET",
                     .pattern = "/api/user/{userId}/tenants",
                     .summary = "List a user's tenant assignments",
                     .responses = {{200, "{userId, email, displayName, tenants}"},
                                   {404, "User not found"}}},
                    "list a user's tenants",
                    "/api/tenant/{tenantId}/user/{userId} to read a user of a specific tenant"),
        [&users](Request& request) {
            const auto view = users.get(request.param("userId"));
            return Response::json(200, Json{{"userId", view.user.id},
                                            {"email", view.user.email},
                                            {"displayName", view.user.display_name},
                                            {"tenants", tenant_assignments_json(view)}});
        });
}

}  // namespace pmstudio::api
