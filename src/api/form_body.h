#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pmstudio::api {

// Fields of an application/x-www-form-urlencoded body ('+' is a space, %XX a byte); the first
// occurrence of a name wins. A malformed %-escape is kept as written.
std::map<std::string, std::string> parse_form_body(std::string_view body);

}  // namespace pmstudio::api
