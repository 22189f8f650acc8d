#include "api/request.h"

#include <strings.h>

#include <algorithm>
#include <cctype>

namespace pmstudio::api {

std::optional<std::string> Request::header(const std::string& name) const {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto found = headers.find(lower);
    if (found == headers.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
    for (const auto& [key, value] : query) {
        if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
    }
    return std::nullopt;
}

}  // namespace pmstudio::api
