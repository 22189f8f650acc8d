#include "api/public_url.h"

namespace pmstudio::api {

std::string public_base_url(const Request& request) {
    const auto scheme = request.header("X-Forwarded-Proto").value_or("http");
    auto host = request.header("X-Forwarded-Host");
    if (!host) host = request.header("Host");
    return scheme + "://" + host.value_or("localhost");
}

}  // namespace pmstudio::api
