#include "api/user_json.h"

#include "api/query_params.h"

namespace pmstudio::api {
namespace {

constexpr int64_t kMaxPageSize = 1000;

std::string tenant_names(const services::UserView& view) {
    std::string names;
    for (const auto& assignment : view.tenants) {
        if (!names.empty()) names += ", ";
        names += assignment.tenant_name;
    }
    return names;
}

}  // namespace

Json user_json(const services::UserView& view) {
    const auto& u = view.user;
    return Json{{"userId", u.id},
                {"email", u.email},
                {"displayName", u.display_name},
                {"firstName", optional_json(u.first_name)},
                {"lastName", optional_json(u.last_name)},
                {"roleName", u.role_name},
                {"disabled", u.disabled},
                {"isServiceAccount", u.is_service_account},
                {"homeTenantId", optional_json(u.home_tenant_id)},
                {"homeTenantName", optional_json(view.home_tenant_name)},
                {"lastLogin", optional_json(u.last_login)},
                {"tenantCount", view.tenants.size()},
                {"tenantNames", tenant_names(view)},
                {"dateCreated", u.date_created}};
}

Json user_detail_json(const services::UserView& view) {
    Json json = user_json(view);
    json["tenants"] = tenant_assignments_json(view);
    return json;
}

Json tenant_assignments_json(const services::UserView& view) {
    Json tenants = Json::array();
    for (const auto& a : view.tenants) {
        tenants.push_back(Json{{"tenantId", a.tenant_id},
                               {"tenantName", a.tenant_name},
                               {"displayName", a.tenant_display_name},
                               {"dateAssigned", a.date_assigned}});
    }
    return tenants;
}

Json user_page_json(const services::UserPage& page, const services::ListUsersInput& input) {
    Json users = Json::array();
    for (const auto& view : page.users) users.push_back(user_json(view));
    return Json{{"users", std::move(users)},
                {"totalCount", page.total_count},
                {"page", input.page.page},
                {"pageSize", input.page.page_size}};
}

Json created_user_json(const storage::UserRecord& user, const char* message) {
    return Json{{"userId", user.id},
                {"email", user.email},
                {"displayName", user.display_name},
                {"message", message}};
}

services::ListUsersInput list_input_from_query(const Request& request) {
    return services::ListUsersInput{
        .include_disabled = bool_from_query(request, "includeDisabled", false),
        .role_name = string_from_query(request, "role"),
        .search = string_from_query(request, "search"),
        .page = page_from_query(request, kMaxPageSize)};
}

services::CreateUserInput create_input_from_body(const JsonBody& body) {
    return services::CreateUserInput{.email = body.string("email"),
                                     .display_name = body.string("displayName"),
                                     .first_name = body.string("firstName"),
                                     .last_name = body.string("lastName"),
                                     .role_name = body.string("roleName")};
}

services::UpdateUserInput update_input_from_body(const JsonBody& body, const std::string& user_id) {
    return services::UpdateUserInput{.user_id = user_id,
                                     .display_name = body.string("displayName"),
                                     .first_name = body.string("firstName"),
                                     .last_name = body.string("lastName"),
                                     .role_name = body.string("roleName"),
                                     .disabled = body.boolean("disabled"),
                                     .is_service_account = body.boolean("isServiceAccount"),
                                     .home_tenant_id = body.guid("homeTenantId")};
}

}  // namespace pmstudio::api
