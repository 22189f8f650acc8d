#include "api/router.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "common/text.h"

namespace pmstudio::api {
namespace {

bool is_param(const std::string& segment) {
    return !segment.empty() && segment.front() == '{';
}

// True when `a` is more specific than `b`: a literal at the first position where they differ.
bool more_specific(const Route& a, const Route& b) {
    for (size_t i = 0; i < a.segments.size(); ++i) {
        const bool a_literal = !is_param(a.segments[i]);
        const bool b_literal = !is_param(b.segments[i]);
        if (a_literal != b_literal) return a_literal;
    }
    return false;
}

bool path_matches(const Route& route, const std::vector<std::string_view>& parts) {
    if (route.segments.size() != parts.size()) return false;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (!is_param(route.segments[i]) && !iequals(route.segments[i], parts[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool is_guid_parameter(std::string_view name) {
    return name.size() > 2 && name.ends_with("Id") && name != "importId";
}

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

void Router::add(RouteSpec spec, Handler handler) {
    Route route{std::move(spec), std::move(handler), {}};
    for (std::string_view part : split_path(route.spec.pattern)) {
        std::string segment = is_param(std::string(part)) ? std::string(part) : to_lower(part);
        route.segments.push_back(std::move(segment));
    }
    for (const Route& existing : routes_) {
        if (existing.spec.method == route.spec.method && existing.segments == route.segments) {
            throw std::logic_error("duplicate route " + route.spec.method + " " +
                                   route.spec.pattern);
        }
    }
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    const auto parts = split_path(path);
    // The most specific matching path decides; then its method must match.
    const Route* best_path = nullptr;
    for (const Route& route : routes_) {
        if (path_matches(route, parts) && (!best_path || more_specific(route, *best_path))) {
            best_path = &route;
        }
    }
    RouteMatch result;
    if (!best_path) return result;
    for (const Route& route : routes_) {
        if (route.segments != best_path->segments) continue;
        if (route.spec.method == method) {
            result.route = &route;
        } else {
            result.allowed_methods.push_back(route.spec.method);
        }
    }
    if (result.route) {
        result.allowed_methods.clear();
        for (size_t i = 0; i < parts.size(); ++i) {
            const std::string& segment = result.route->segments[i];
            if (is_param(segment)) {
                result.params.emplace(segment.substr(1, segment.size() - 2), std::string(parts[i]));
            }
        }
    }
    return result;
}

}  // namespace pmstudio::api
