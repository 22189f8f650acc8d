#include "eventlog/value_type.h"

#include <array>
#include <utility>

namespace pmstudio::eventlog {
namespace {

constexpr std::array<std::pair<ValueType, std::string_view>, 6> kNames = {{
    {ValueType::Boolean, "boolean"},
    {ValueType::Integer, "integer"},
    {ValueType::Double, "double"},
    {ValueType::DateTime, "datetime"},
    {ValueType::TimeSpan, "timespan"},
    {ValueType::String, "string"},
}};

}  // namespace

std::string_view value_type_name(ValueType type) {
    for (const auto& [value, name] : kNames) {
        if (value == type) return name;
    }
    return "unknown";
}

std::optional<ValueType> value_type_from_name(std::string_view name) {
    for (const auto& [value, known] : kNames) {
        if (known == name) return value;
    }
    return std::nullopt;
}

bool stored_as_int64(ValueType type) {
    return type != ValueType::Double && type != ValueType::String;
}

}  // namespace pmstudio::eventlog
