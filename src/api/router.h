#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/route.h"

namespace pmstudio::api {

struct Route {
    RouteSpec spec;
    Handler handler;
    // Pattern segments: literals lower-cased, parameters as "{name}".
    std::vector<std::string> segments;
};

struct RouteMatch {
    const Route* route = nullptr;               // set when method and path match
    std::map<std::string, std::string> params;  // path parameters of the match
    std::vector<std::string> allowed_methods;   // when only the path matched
};

// Matches fixed segments case-insensitively (/api/Dataset == /api/dataset). When several patterns
// match, the one with a literal at the earliest differing position wins.
class Router {
public:
    void add(RouteSpec spec, Handler handler);
    RouteMatch match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

// Path parameters named ...Id are GUIDs, except importId ("import-<guid>", as the reference
// shows): the pipeline validates them and the OpenAPI document declares them as uuid.
bool is_guid_parameter(std::string_view name);

// Splits a path on '/', dropping empty segments.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace pmstudio::api
