#pragma once

#include <string>
#include <string_view>

namespace pmstudio::importers {

// Appends OOXML string content with its _xHHHH_ escapes (characters XML cannot carry, such as
// _x000D_ for a carriage return, and _x005F_ for a literal underscore) decoded to UTF-8.
void append_xlsx_text(std::string& out, std::string_view text);

}  // namespace pmstudio::importers
