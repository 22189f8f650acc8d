#include "api/embed_token_controller.h"

#include "api/dashboard_json.h"
#include "api/public_url.h"

namespace pmstudio::api {
namespace {

constexpr const char* kDashboard = "/api/{tenantId}/{projectId}/dashboard/{dashboardId}";

Json token_json(const storage::EmbedTokenRecord& token) {
    return Json{{"tokenId", token.id},
                {"dashboardId", token.dashboard_id},
                {"expiresAt", token.date_expires},
                {"revoked", token.date_revoked.has_value()},
                {"dateRevoked", optional_json(token.date_revoked)},
                {"dateCreated", token.date_created},
                {"createdBy", token.created_by}};
}

}  // namespace

void register_embed_token_routes(Router& router, services::EmbedTokenService& embed_tokens) {
    router.add(
        {.method = "POST",
         .pattern = std::string(kDashboard) + "/embed-token",
         .tag = "Dashboard",
         .summary = "Issue an embed token for the dashboard's embed page (pmstudio addition; "
                    "{expiresInMinutes?}, default a day, at most 366 days)",
         .has_json_body = true,
         .responses = {{201, "{tokenId, dashboardId, token, expiresAt, embedUrl, ...}"},
                       {400, "VALIDATION_ERROR"},
                       {404, "Project or dashboard not found"}}},
        [&embed_tokens](Request& request) {
            const auto minutes = read_dashboard_body(
                request.body.empty() ? std::string("{}") : request.body,
                [](const JsonBody& body) { return body.integer("expiresInMinutes"); });
            const auto& dashboard_id = request.param("dashboardId");
            const auto issued =
                embed_tokens.issue(request.authenticated_caller(), request.param("tenantId"),
                                   request.param("projectId"), dashboard_id, minutes);
            auto body = token_json(issued.record);
            body["token"] = issued.token;
            body["embedUrl"] = public_base_url(request) + "/embed/dashboard/" + dashboard_id +
                               "?token=" + issued.token;
            return Response::json(201, body);
        });
    router.add(
        {.method = "GET",
         .pattern = std::string(kDashboard) + "/embed-tokens",
         .tag = "Dashboard",
         .summary = "The dashboard's embed tokens, newest first, without their secrets "
                    "(pmstudio addition)",
         .responses = {{200, "{dashboardId, tokens}"}, {404, "Project or dashboard not found"}}},
        [&embed_tokens](Request& request) {
            const auto& dashboard_id = request.param("dashboardId");
            Json tokens = Json::array();
            for (const auto& token : embed_tokens.list(request.param("tenantId"),
                                                       request.param("projectId"), dashboard_id)) {
                tokens.push_back(token_json(token));
            }
            return Response::json(200, Json{{"dashboardId", dashboard_id}, {"tokens", tokens}});
        });
    router.add(
        {.method = "DELETE",
         .pattern = std::string(kDashboard) + "/embed-token/{tokenId}",
         .tag = "Dashboard",
         .summary = "Revoke an embed token at once (pmstudio addition)",
         .responses = {{204, "Revoked"}, {404, "Project, dashboard or embed token not found"}}},
        [&embed_tokens](Request& request) {
            embed_tokens.revoke(request.param("tenantId"), request.param("projectId"),
                                request.param("dashboardId"), request.param("tokenId"));
            return Response::no_content();
        });
}

}  // namespace pmstudio::api
