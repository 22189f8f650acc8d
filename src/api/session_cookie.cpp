#include "api/session_cookie.h"

#include <fmt/format.h>

#include "api/public_url.h"

namespace pmstudio::api {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::string cookie(const Request& request, std::string_view value, int64_t max_age_seconds) {
    const bool https = public_base_url(request).starts_with("https://");
    return fmt::format("{}={}; Max-Age={}; Path=/; HttpOnly; SameSite=Strict{}", kSessionCookieName,
                       value, max_age_seconds, https ? "; Secure" : "");
}

}  // namespace

std::optional<std::string> request_cookie(const Request& request, std::string_view name) {
    const auto [begin, end] = request.headers.equal_range("cookie");
    for (auto header = begin; header != end; ++header) {
        std::string_view rest = header->second;
        while (!rest.empty()) {
            const auto separator = rest.find(';');
            const auto pair = trim(rest.substr(0, separator));
            rest = separator == std::string_view::npos ? std::string_view{}
                                                       : rest.substr(separator + 1);
            const auto equals = pair.find('=');
            if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name) {
                return std::string(trim(pair.substr(equals + 1)));
            }
        }
    }
    return std::nullopt;
}

std::string session_cookie(const Request& request, const std::string& secret,
                           std::chrono::seconds max_age) {
    return cookie(request, secret, max_age.count());
}

std::string expired_session_cookie(const Request& request) {
    return cookie(request, "", 0);
}

}  // namespace pmstudio::api
