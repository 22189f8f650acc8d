#include "api/request.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

namespace pmstudio::api {

std::optional<std::string> Request::header(const std::string& name) const {
    auto found = headers.find(to_lower(name));
    if (found == headers.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
    for (const auto& [key, value] : query) {
        if (iequals(key, name)) return value;
    }
    return std::nullopt;
}

}  // namespace pmstudio::api
