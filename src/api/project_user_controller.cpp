#include "api/project_user_controller.h"

#include "api/json_body.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

Json member_json(const storage::ProjectMember& m) {
    return Json{{"permissionId", m.permission_id},
                {"userId", m.user_id},
                {"email", m.email},
                {"displayName", m.display_name},
                {"isOwner", m.is_owner},
                {"dateAssigned", m.date_assigned}};
}

Response message(int status, const char* text) {
    return Response::json(status, Json{{"message", text}});
}

}  // namespace

void register_project_user_routes(Router& router, services::ProjectMemberService& members) {
    router.add(
        {.method = "GET",
         .pattern = "/api/{tenantId}/project/{projectId}/users",
         .tag = "Project",
         .summary = "List the project's users",
         .responses = {{200, "{users, totalCount}"}, {404, "Project not found"}}},
        [&members](Request& request) {
            Json users = Json::array();
            for (const auto& member :
                 members.list(request.param("tenantId"), request.param("projectId"))) {
                users.push_back(member_json(member));
            }
            const auto total = users.size();
            return Response::json(200, Json{{"users", std::move(users)}, {"totalCount", total}});
        });

    router.add({.method = "POST",
                .pattern = "/api/{tenantId}/project/{projectId}/users/{userId}",
                .tag = "Project",
                .summary = "Add a user of the tenant to the project (body {isOwner} optional)",
                .has_json_body = true,
                .responses = {{201, "{message}"},
                              {400, "Validation failed"},
                              {404, "Project or user not found"},
                              {409, "Already a member"}}},
               [&members](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   members.add(request.param("tenantId"), request.param("projectId"),
                               request.param("userId"), body.boolean("isOwner").value_or(false));
                   return message(201, "User added to project successfully");
               });

    router.add({.method = "PUT",
                .pattern = "/api/{tenantId}/project/{projectId}/users/{userId}",
                .tag = "Project",
                .summary = "Set whether a member is a project owner (body {isOwner})",
                .has_json_body = true,
                .responses = {{200, "{message}"},
                              {400, "Validation failed"},
                              {404, "Project not found, or not a member"}}},
               [&members](Request& request) {
                   const auto is_owner = JsonBody::parse(request.body).boolean("isOwner");
                   if (!is_owner) throw ServiceError::validation({"isOwner is required"});
                   members.set_owner(request.param("tenantId"), request.param("projectId"),
                                     request.param("userId"), *is_owner);
                   return message(200, "User permission updated successfully");
               });

    router.add({.method = "DELETE",
                .pattern = "/api/{tenantId}/project/{projectId}/users/{userId}",
                .tag = "Project",
                .summary = "Remove a user from the project",
                .responses = {{200, "{message}"}, {404, "Project not found, or not a member"}}},
               [&members](Request& request) {
                   members.remove(request.param("tenantId"), request.param("projectId"),
                                  request.param("userId"));
                   return message(200, "User removed from project successfully");
               });
}

}  // namespace pmstudio::api
