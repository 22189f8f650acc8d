#include "api/attachment.h"

#include <fmt/format.h>

#include <cctype>

namespace pmstudio::api {
namespace {

bool unsafe(unsigned char c) {
    return c < 0x20 || c == 0x7f ||
           std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos;
}

bool attr_char(unsigned char c) {  // RFC 5987 attr-char
    return std::isalnum(c) != 0 ||
           std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string attachment_disposition(std::string_view stem, std::string_view extension,
                                   std::string_view fallback_stem) {
    std::string safe;
    for (const char c : stem) safe += unsafe(static_cast<unsigned char>(c)) ? '_' : c;
    const auto first = safe.find_first_not_of(" .");
    const auto last = safe.find_last_not_of(" .");
    safe = first == std::string::npos ? std::string(fallback_stem)
                                      : safe.substr(first, last - first + 1);
    safe += extension;
    std::string ascii;
    std::string encoded;
    for (const char c : safe) {
        const auto byte = static_cast<unsigned char>(c);
        ascii += byte < 0x80 ? c : '_';
        encoded += attr_char(byte) ? std::string(1, c) : fmt::format("%{:02X}", byte);
    }
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded);
}

}  // namespace pmstudio::api
