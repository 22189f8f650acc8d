#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/rate_limiter.h"
#include "api/router.h"
#include "services/api_key_service.h"

namespace pmstudio::api {

struct HttpServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    size_t worker_threads = 128;  // one per concurrent keep-alive connection
    size_t max_json_body_bytes = 16u << 20;
    int64_t rate_limit_per_minute = 100000;  // per API key; 0 disables
};

// The HTTP front: turns transport requests into Requests, runs the pipeline (request id, route
// match, GUID check, authorisation, rate limit, body limit, handler, error mapping, standard
// headers, request log) and writes the Response.
class HttpServer {
public:
    HttpServer(HttpServerOptions options, Router& router, services::ApiKeyService& api_keys);
    ~HttpServer();

    // Binds the port; returns the bound port (useful with port 0). Throws when binding fails.
    int bind();
    // Serves until stop() is called; in-flight requests finish before it returns.
    void serve();
    void stop();

    // Runs one request through the pipeline (used by serve() and by tests).
    Response handle(Request& request, const std::function<bool(std::string&)>& read_body);

private:
    struct Transport;
    HttpServerOptions options_;
    Router& router_;
    services::ApiKeyService& api_keys_;
    RateLimiter rate_limiter_;
    std::unique_ptr<Transport> transport_;
};

}  // namespace pmstudio::api
