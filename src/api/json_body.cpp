#include "api/json_body.h"

#include <fmt/format.h>

#include "common/guid.h"
#include "common/json_lookup.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

[[noreturn]] void type_error(std::string_view name, const char* expected) {
    throw ServiceError::validation({fmt::format("'{}' must be {}", name, expected)});
}

}  // namespace

JsonBody JsonBody::parse(const std::string& body, bool allow_empty) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
        if (allow_empty) return JsonBody(nlohmann::json::object());
        throw ServiceError(ErrorKind::BadRequest, "Request body is required (a JSON object)");
    }
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        throw ServiceError(ErrorKind::BadRequest,
                           fmt::format("Request body is not valid JSON: {}", e.what()));
    }
    if (!value.is_object()) {
        throw ServiceError(ErrorKind::BadRequest, "Request body must be a JSON object");
    }
    return JsonBody(std::move(value));
}

const nlohmann::json* JsonBody::find(std::string_view name) const {
    const auto* value = find_member_ignoring_case(value_, name);
    return value != nullptr && value->is_null() ? nullptr : value;
}

bool JsonBody::has(std::string_view name) const {
    return find(name) != nullptr;
}

std::optional<std::string> JsonBody::string(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_string()) type_error(name, "a string");
    return value->get<std::string>();
}

std::optional<int64_t> JsonBody::integer(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (value->is_number_integer()) return value->get<int64_t>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (d == static_cast<double>(static_cast<int64_t>(d))) return static_cast<int64_t>(d);
    }
    type_error(name, "an integer");
}

std::optional<bool> JsonBody::boolean(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) type_error(name, "a boolean (true or false)");
    return value->get<bool>();
}

std::optional<double> JsonBody::number(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_number()) type_error(name, "a number");
    return value->get<double>();
}

std::optional<std::string> JsonBody::json_text(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (value->is_object()) return value->dump();
    if (!value->is_string()) type_error(name, "a JSON object or a string holding one");
    return value->get<std::string>();
}

std::optional<nlohmann::json> JsonBody::object(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_object()) type_error(name, "a JSON object");
    return *value;
}

namespace {

std::string checked_guid(std::string_view name, const std::string& text) {
    if (!is_guid(text)) {
        throw ServiceError::validation({fmt::format(
            "'{}' must be a GUID such as 12345678-1234-1234-1234-123456789012", name)});
    }
    return normalize_guid(text);
}

}  // namespace

std::optional<std::string> JsonBody::guid(std::string_view name) const {
    auto text = string(name);
    if (!text) return std::nullopt;
    return checked_guid(name, *text);
}

std::optional<std::vector<std::string>> JsonBody::guid_list(std::string_view name) const {
    const auto* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_array()) type_error(name, "an array of GUIDs");
    std::vector<std::string> ids;
    for (const auto& item : *value) {
        if (!item.is_string()) type_error(name, "an array of GUIDs");
        ids.push_back(checked_guid(name, item.get<std::string>()));
    }
    return ids;
}

}  // namespace pmstudio::api
