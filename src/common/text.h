#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pmstudio {

// ASCII case-insensitive equality (route segments, header and JSON property names, enum words).
bool iequals(std::string_view a, std::string_view b);

// ASCII lower case.
std::string to_lower(std::string_view text);

// Text made safe for HTML element content and quoted attribute values (& < > " ').
std::string html_escape(std::string_view text);

// The text, or nullopt when it is empty (optional fields stored as "").
std::optional<std::string> unless_empty(std::string_view text);

}  // namespace pmstudio
