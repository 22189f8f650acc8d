#include "services/validation.h"

#include <fmt/format.h>

namespace pmstudio::services {

size_t utf8_length(const std::string& text) {
    size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) ++count;
    }
    return count;
}

void check_max_length(const std::optional<std::string>& value, size_t max, const char* field,
                      std::vector<std::string>& errors) {
    if (value && utf8_length(*value) > max) {
        errors.push_back(fmt::format("{} cannot exceed {} characters", field, max));
    }
}

bool is_blank(const std::optional<std::string>& value) {
    return !value || value->find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace pmstudio::services
