#pragma once

#include <string>
#include <string_view>

namespace pmstudio {

// A new random (version 4) GUID, lowercase and hyphenated.
std::string new_guid();

// True for the 8-4-4-4-12 hexadecimal form, in either case.
bool is_guid(std::string_view text);

// The lowercase form of a GUID; callers check is_guid first.
std::string normalize_guid(std::string_view text);

}  // namespace pmstudio
