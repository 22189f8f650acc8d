#pragma once

#include <string_view>

#include "common/text.h"

namespace pmstudio {

// The value of the first member of a JSON object whose name equals `name` ignoring case, or null.
// Works for nlohmann::json and nlohmann::ordered_json alike.
template <typename Json>
const Json* find_member_ignoring_case(const Json& object, std::string_view name) {
    if (!object.is_object()) return nullptr;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (iequals(it.key(), name)) return &it.value();
    }
    return nullptr;
}

}  // namespace pmstudio
