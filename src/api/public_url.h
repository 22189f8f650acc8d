#pragma once

#include <string>

#include "api/request.h"

namespace pmstudio::api {

// The scheme and authority clients reach this server at, from the request: X-Forwarded-Proto
// and X-Forwarded-Host when a proxy sets them, else http and the Host header.
std::string public_base_url(const Request& request);

}  // namespace pmstudio::api
