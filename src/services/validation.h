#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pmstudio::services {

// Appends "<field> cannot exceed <max> characters" when the value is longer than `max` characters
// (counted as UTF-8 code points).
void check_max_length(const std::optional<std::string>& value, size_t max, const char* field,
                      std::vector<std::string>& errors);

// The longest name and description an investigation, notebook, block or template may have.
constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxDescriptionLength = 2000;

// True when the value is absent or only white space.
bool is_blank(const std::optional<std::string>& value);

// Number of UTF-8 code points in `text`.
size_t utf8_length(const std::string& text);

}  // namespace pmstudio::services
