#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pmstudio::eventlog {

// Reads text values for type inference; importers implement it per culture (number separators,
// date orders) and time zone. Each method answers nullopt when the text is not of that type.
class TextValueParser {
public:
    virtual ~TextValueParser() = default;
    virtual std::optional<bool> parse_boolean(std::string_view text) const = 0;
    virtual std::optional<int64_t> parse_integer(std::string_view text) const = 0;
    virtual std::optional<double> parse_double(std::string_view text) const = 0;
    // Microseconds since the epoch, UTC.
    virtual std::optional<int64_t> parse_datetime(std::string_view text) const = 0;
};

}  // namespace pmstudio::eventlog
