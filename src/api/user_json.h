#pragma once

#include "api/json_body.h"
#include "api/request.h"
#include "api/response.h"
#include "services/user_service.h"

namespace pmstudio::api {

// The JSON shapes and inputs shared by the global and the tenant-scoped User API.

// A list item: the user object without its tenant assignments.
Json user_json(const services::UserView& view);
// GET by id or email: the user object plus "tenants".
Json user_detail_json(const services::UserView& view);
Json tenant_assignments_json(const services::UserView& view);
// {users, totalCount, page, pageSize}
Json user_page_json(const services::UserPage& page, const services::ListUsersInput& input);
// 201 body of both create routes.
Json created_user_json(const storage::UserRecord& user, const char* message);

// page, pageSize (max 1000), includeDisabled, role, search.
services::ListUsersInput list_input_from_query(const Request& request);
services::CreateUserInput create_input_from_body(const JsonBody& body);
services::UpdateUserInput update_input_from_body(const JsonBody& body, const std::string& user_id);

}  // namespace pmstudio::api
