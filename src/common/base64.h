#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pmstudio {

// Standard base64 (RFC 4648 alphabet, '=' padding, no line breaks).
std::string base64_encode(std::string_view bytes);

// Strict decoding: nullopt unless `text` is exactly the canonical encoding of some bytes, so
// whitespace, missing padding, characters outside the alphabet and non-zero trailing bits are
// all rejected.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace pmstudio
