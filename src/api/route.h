#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/request.h"
#include "api/response.h"

namespace pmstudio::api {

// Who may call a route.
enum class Access {
    Public,     // no key needed (unauthorized-ping, the OpenAPI document)
    AnyKey,     // any valid key, global or tenant
    GlobalKey,  // global keys only; a tenant key gets the route's documented 401 body
    TenantKey,  // a global key, or a key of the tenant named by the {tenantId} path parameter
};

// A documented response of a route, for the OpenAPI document.
struct ResponseDoc {
    int status;
    std::string description;
};

// Route metadata kept as data: the router dispatches on it and the OpenAPI document is generated
// from it, so the two cannot drift apart.
struct RouteSpec {
    std::string method{};  // GET, POST, PUT, DELETE
    std::string
        pattern{};      // /api/{tenantId}/project/{projectId}; parameters ending in "Id" are GUIDs
    std::string tag{};  // OpenAPI tag, e.g. "Project"
    std::string summary{};
    Access access = Access::TenantKey;
    // For GlobalKey routes: the documented 401 message a tenant key receives.
    std::string tenant_key_error = "This endpoint requires a Global API key.";
    std::string tenant_key_hint = "Global API keys can be created at /admin/global-api-keys";
    bool has_json_body = false;
    // Upload routes stream their body to the handler (Request::stream_body) instead of having it
    // read into memory; a declared Content-Length above this (plus framing slack) is a 413 at once.
    int64_t max_upload_bytes = 0;
    // The answer to a declared Content-Length above max_upload_bytes, for routes whose reference
    // documents another one than 413 {"error": message}.
    std::function<Response(const std::string& message)> too_large_response{};
    // Ping routes answer in text/plain, their authentication errors included.
    bool plain_text = false;
    std::vector<ResponseDoc> responses{};
};

using Handler = std::function<Response(Request&)>;

}  // namespace pmstudio::api
