#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pmstudio::importers {

// True when `bytes` is valid UTF-8, allowing a multi-byte sequence cut off at the very end.
bool looks_like_utf8(std::string_view bytes);

// Appends a Unicode code point below U+10000 as UTF-8.
void append_utf8(uint32_t code_point, std::string& out);

// Appends Windows-1252 text (a superset of ISO-8859-1's printable characters) as UTF-8.
void append_windows_1252_as_utf8(std::string_view bytes, std::string& out);

}  // namespace pmstudio::importers
