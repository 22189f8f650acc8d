#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/request.h"

namespace pmstudio::api {

// The browser session of the dashboard pages: HttpOnly (no script reads it), SameSite=Strict (no
// other site's request carries it), Path=/, Secure when the server is reached over HTTPS.
inline constexpr std::string_view kSessionCookieName = "pmstudio_session";

// A cookie's value from the request's Cookie header(s).
std::optional<std::string> request_cookie(const Request& request, std::string_view name);

// Set-Cookie values that store the session secret, and that delete it.
std::string session_cookie(const Request& request, const std::string& secret,
                           std::chrono::seconds max_age);
std::string expired_session_cookie(const Request& request);

}  // namespace pmstudio::api
