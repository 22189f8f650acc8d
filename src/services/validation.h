#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pmstudio::services {

// Appends "<field> cannot exceed <max> characters" when the value is longer than `max` characters
// (counted as UTF-8 code points).
void check_max_length(const std::optional<std::string>& value, size_t max, const char* field,
                      std::vector<std::string>& errors);

// Number of UTF-8 code points in `text`.
size_t utf8_length(const std::string& text);

}  // namespace pmstudio::services
