#include "importers/import_options.h"

#include "common/text.h"

namespace pmstudio::importers {

std::optional<char> parse_delimiter(std::string_view text) {
    if (text == "\\t" || iequals(text, "tab")) return '\t';
    if (text.size() == 1) return text.front();
    return std::nullopt;
}

}  // namespace pmstudio::importers
