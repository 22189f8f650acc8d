#include "api/openapi.h"

#include <algorithm>
#include <memory>

namespace pmstudio::api {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

Json parameters_of(const Route& route) {
    Json parameters = Json::array();
    for (const auto& segment : route.segments) {
        if (segment.front() != '{') continue;
        const std::string name = segment.substr(1, segment.size() - 2);
        Json schema{{"type", "string"}};
        if (name.size() > 2 && name.compare(name.size() - 2, 2, "Id") == 0) {
            schema["format"] = "uuid";
        }
        parameters.push_back(
            Json{{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
    }
    return parameters;
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
    for (const auto& doc : spec.responses) {
        responses[std::to_string(doc.status)] =
            Json{{"description", doc.description}, {"content", {{media, Json::object()}}}};
    }
    if (responses.empty()) responses["200"] = Json{{"description", "OK"}};
    operation["responses"] = responses;
    return operation;
}

}  // namespace

Json build_openapi_document(const Router& router) {
    Json paths = Json::object();
    for (const Route& route : router.routes()) {
        paths[route.spec.pattern][lower(route.spec.method)] = operation_of(route);
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
