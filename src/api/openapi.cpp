#include "api/openapi.h"

#include <algorithm>
#include <memory>

#include "common/text.h"

namespace pmstudio::api {
namespace {

Json parameters_of(const Route& route) {
    Json parameters = Json::array();
    for (const auto& segment : route.segments) {
        if (segment.front() != '{') continue;
        const std::string name = segment.substr(1, segment.size() - 2);
        Json schema{{"type", "string"}};
        if (is_guid_parameter(name)) schema["format"] = "uuid";
        parameters.push_back(
            Json{{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
    }
    return parameters;
}

bool has_guid_parameter(const Route& route) {
    return std::any_of(route.segments.begin(), route.segments.end(), [](const std::string& s) {
        return s.front() == '{' && is_guid_parameter(std::string_view(s).substr(1, s.size() - 2));
    });
}

// The responses the pipeline itself can give, derived from the route's data so that no controller
// has to repeat them.
std::vector<ResponseDoc> pipeline_responses(const Route& route) {
    std::vector<ResponseDoc> docs;
    if (has_guid_parameter(route)) docs.push_back({400, "A path parameter is not a GUID"});
    switch (route.spec.access) {
        case Access::Public:
            return docs;
        case Access::AnyKey:
            docs.push_back({401, "Missing or invalid API key"});
            docs.push_back({403, "The key's tenant is disabled"});
            break;
        case Access::GlobalKey:
            docs.push_back({401, "Missing or invalid API key, or a tenant key: " +
                                     route.spec.tenant_key_error});
            break;
        case Access::TenantKey:
            docs.push_back({401, "Missing or invalid API key"});
            docs.push_back({403, "A key of another tenant, or of a disabled tenant"});
            break;
    }
    docs.push_back({429, "Rate limit exceeded (Retry-After)"});
    return docs;
}

Json operation_of(const Route& route) {
    const RouteSpec& spec = route.spec;
    Json operation{{"tags", Json::array({spec.tag})},
                   {"summary", spec.summary},
                   {"operationId", spec.method + " " + spec.pattern},
                   {"parameters", parameters_of(route)}};
    if (spec.access == Access::Public) {
        operation["security"] = Json::array();
    } else if (spec.access == Access::GlobalKey) {
        operation["description"] = "Requires a global API key.";
    } else if (spec.access == Access::TenantKey) {
        operation["description"] = "Requires a global key or a key of the tenant in the path.";
    }
    if (spec.has_json_body) {
        operation["requestBody"] =
            Json{{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    Json responses = Json::object();
    const std::string media = spec.plain_text ? "text/plain" : "application/json";
    auto add = [&](const ResponseDoc& doc) {
        const std::string status = std::to_string(doc.status);
        if (responses.contains(status)) {
            responses[status]["description"] =
                responses[status]["description"].get<std::string>() + "; " + doc.description;
        } else {
            responses[status] =
                Json{{"description", doc.description}, {"content", {{media, Json::object()}}}};
        }
    };
    for (const auto& doc : spec.responses) add(doc);
    for (const auto& doc : pipeline_responses(route)) add(doc);
    if (responses.empty()) responses["200"] = Json{{"description", "OK"}};
    operation["responses"] = responses;
    return operation;
}

}  // namespace

Json build_openapi_document(const Router& router) {
    Json paths = Json::object();
    for (const Route& route : router.routes()) {
        paths[route.spec.pattern][to_lower(route.spec.method)] = operation_of(route);
    }
    return Json{
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "pmstudio API"},
          {"version", PMSTUDIO_VERSION},
          {"description", "Process-mining server following the mindzieStudio API reference."}}},
        {"components",
         {{"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "API key"}}}}}}},
        {"security", Json::array({Json{{"bearer", Json::array()}}})},
        {"paths", paths}};
}

void register_openapi_route(Router& router) {
    auto document = std::make_shared<std::string>();
    router.add({.method = "GET",
                .pattern = "/swagger/v1/swagger.json",
                .tag = "Meta",
                .summary = "This OpenAPI document",
                .access = Access::Public,
                .responses = {{200, "OpenAPI 3 document"}}},
               [document](Request&) {
                   Response response;
                   response.body = *document;
                   return response;
               });
    *document = build_openapi_document(router).dump(2);
}

}  // namespace pmstudio::api
