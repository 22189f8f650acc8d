#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/caller.h"

namespace pmstudio::api {

// An HTTP request as controllers see it: no transport library types leak past this struct.
struct Request {
    std::string method;
    std::string path;
    std::string body;
    std::string request_id;
    std::string route;  // the matched route pattern, for the request log
    std::string remote_address;
    std::multimap<std::string, std::string> headers;         // names lower-cased
    std::vector<std::pair<std::string, std::string>> query;  // in order of appearance
    std::map<std::string, std::string> path_params;          // names as written in the route
    std::optional<services::Caller> caller;                  // set on authenticated routes
    // Upload routes only: passes the body to `sink` chunk by chunk as it arrives.
    std::function<void(const std::function<void(const char*, size_t)>& sink)> stream_body;

    // Header value by case-insensitive name.
    std::optional<std::string> header(const std::string& name) const;
    // Query parameter by case-insensitive name (the first occurrence).
    std::optional<std::string> query_param(const std::string& name) const;
    // A path parameter by its route name; GUID parameters arrive already validated and lowercase.
    const std::string& param(const std::string& name) const { return path_params.at(name); }
    const services::Caller& authenticated_caller() const { return caller.value(); }
};

}  // namespace pmstudio::api
