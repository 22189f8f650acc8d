#include "api/authorizer.h"

#include <fmt/format.h>
#include <strings.h>

#include "common/clock.h"

namespace pmstudio::api {
namespace {

Response invalid_token(const Request& request, const std::string& message) {
    return Response::json(401, Json{{"error", "invalid_token"},
                                    {"message", message},
                                    {"timestamp", now_iso8601()},
                                    {"requestId", request.request_id}});
}

std::optional<std::string> bearer_token(const Request& request) {
    auto header = request.header("authorization");
    if (!header) return std::nullopt;
    constexpr std::string_view kScheme = "bearer ";
    if (header->size() <= kScheme.size() ||
        strncasecmp(header->c_str(), kScheme.data(), kScheme.size()) != 0) {
        return std::nullopt;
    }
    std::string token = header->substr(kScheme.size());
    const auto first = token.find_first_not_of(' ');
    const auto last = token.find_last_not_of(' ');
    if (first == std::string::npos) return std::nullopt;
    return token.substr(first, last - first + 1);
}

}  // namespace

std::optional<Response> authorize(const RouteSpec& route, Request& request,
                                  services::ApiKeyService& api_keys) {
    if (route.access == Access::Public) return std::nullopt;

    auto token = bearer_token(request);
    if (!token) {
        return invalid_token(request,
                             "Missing API key: send the header 'Authorization: Bearer <API key>'");
    }
    auto identity = api_keys.authenticate(*token);
    if (!identity) {
        return invalid_token(request, "The provided access token is invalid or has been revoked");
    }
    const auto& key = identity->key;
    if (key.tenant_id && identity->tenant_disabled) {
        return Response::error(403, fmt::format("Tenant '{}' is disabled", *key.tenant_id),
                               {{"hint", "A global administrator can re-enable the tenant"}});
    }
    if (route.access == Access::GlobalKey && key.tenant_id) {
        return Response::error(401, route.tenant_key_error, {{"hint", route.tenant_key_hint}});
    }
    if (route.access == Access::TenantKey && key.tenant_id) {
        auto path_tenant = request.path_params.find("tenantId");
        if (path_tenant != request.path_params.end() && path_tenant->second != *key.tenant_id) {
            return Response::error(
                403,
                fmt::format("This API key is not authorized for tenant '{}'", path_tenant->second),
                {{"hint", "Tenant API keys can only access their own tenant"}});
        }
    }
    request.caller = services::Caller{key.id, key.name, key.tenant_id};
    return std::nullopt;
}

}  // namespace pmstudio::api
