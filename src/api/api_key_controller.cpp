#include "api/api_key_controller.h"

#include "api/json_body.h"

namespace pmstudio::api {
namespace {

Json key_json(const storage::ApiKeyRecord& key) {
    return Json{{"apiKeyId", key.id},
                {"tenantId", optional_json(key.tenant_id)},
                {"name", key.name},
                {"dateCreated", key.date_created}};
}

}  // namespace

void register_api_key_routes(Router& router, services::ApiKeyService& api_keys) {
    router.add({.method = "POST",
                .pattern = "/api/tenant/{tenantId}/apikey",
                .tag = "ApiKey",
                .summary = "Create a tenant API key; the secret is returned only here",
                .access = Access::GlobalKey,
                .has_json_body = true,
                .responses = {{201, "{apiKey, apiKeyId, tenantId, name, dateCreated}"},
                              {404, "Tenant not found"}}},
               [&api_keys](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   const auto issued =
                       api_keys.issue(request.param("tenantId"), body.string("name").value_or(""));
                   return Response::json(201, Json{{"apiKey", issued.secret},
                                                   {"apiKeyId", issued.record.id},
                                                   {"tenantId", *issued.record.tenant_id},
                                                   {"name", issued.record.name},
                                                   {"dateCreated", issued.record.date_created}});
               });
    router.add(
        {.method = "GET",
         .pattern = "/api/tenant/{tenantId}/apikey",
         .tag = "ApiKey",
         .summary = "List a tenant's API keys (never their secrets)",
         .access = Access::GlobalKey,
         .responses = {{200, "{apiKeys, totalCount}"}, {404, "Tenant not found"}}},
        [&api_keys](Request& request) {
            Json keys = Json::array();
            for (const auto& key : api_keys.list(request.param("tenantId"))) {
                keys.push_back(key_json(key));
            }
            const auto total = keys.size();
            return Response::json(200, Json{{"apiKeys", std::move(keys)}, {"totalCount", total}});
        });
    router.add({.method = "DELETE",
                .pattern = "/api/tenant/{tenantId}/apikey/{apiKeyId}",
                .tag = "ApiKey",
                .summary = "Revoke a tenant API key; effective on the next request",
                .access = Access::GlobalKey,
                .responses = {{200, "{message, apiKeyId}"}, {404, "Key not found in that tenant"}}},
               [&api_keys](Request& request) {
                   const std::string& key_id = request.param("apiKeyId");
                   api_keys.revoke(request.param("tenantId"), key_id);
                   return Response::json(200, Json{{"message", "API key revoked successfully"},
                                                   {"apiKeyId", key_id}});
               });
}

}  // namespace pmstudio::api
