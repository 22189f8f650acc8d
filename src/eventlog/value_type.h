#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pmstudio::eventlog {

// Types of attribute columns. Integer, DateTime, TimeSpan and Boolean values are stored as int64
// (DateTime: microseconds since 1970-01-01 UTC; TimeSpan: microseconds; Boolean: 0/1).
enum class ValueType : uint8_t {
    Boolean = 1,
    Integer = 2,
    Double = 3,
    DateTime = 4,
    TimeSpan = 5,
    String = 6,
};

std::string_view value_type_name(ValueType type);  // "boolean", "integer", ...
std::optional<ValueType> value_type_from_name(std::string_view name);

bool stored_as_int64(ValueType type);

}  // namespace pmstudio::eventlog
