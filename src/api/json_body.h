#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::api {

// A JSON request body read the way the reference's server reads it: property names match
// case-insensitively, unknown properties are ignored, null means "absent". Type mismatches and
// malformed JSON raise a 400 validation error naming the property.
class JsonBody {
public:
    // An empty body is an empty object when `allow_empty`, otherwise an error.
    static JsonBody parse(const std::string& body, bool allow_empty = false);

    bool has(std::string_view name) const;  // present and not null
    std::optional<std::string> string(std::string_view name) const;
    std::optional<int64_t> integer(std::string_view name) const;
    std::optional<bool> boolean(std::string_view name) const;
    std::optional<double> number(std::string_view name) const;
    // A JSON object given either as an object or as a string holding one, returned as text (a
    // string is returned verbatim); anything else is a validation error.
    std::optional<std::string> json_text(std::string_view name) const;
    // A JSON object property; anything else is a validation error.
    std::optional<nlohmann::json> object(std::string_view name) const;
    // An array of GUIDs, each returned lowercase.
    std::optional<std::vector<std::string>> guid_list(std::string_view name) const;
    // A GUID-valued property, returned lowercase; a malformed GUID is a validation error.
    std::optional<std::string> guid(std::string_view name) const;

private:
    explicit JsonBody(nlohmann::json value) : value_(std::move(value)) {}
    const nlohmann::json* find(std::string_view name) const;

    nlohmann::json value_;
};

}  // namespace pmstudio::api
