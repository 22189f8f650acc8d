#include "api/http_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>
#include <strings.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "api/authorizer.h"
#include "api/error_mapping.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "common/text.h"

namespace pmstudio::api {
namespace {

constexpr const char* kApiVersion = "1.0.0";
constexpr const char* kHiddenContentType = "X-Pmstudio-Multipart-Content-Type";
constexpr const char* kHiddenContentTypeLower = "x-pmstudio-multipart-content-type";

std::string new_request_id() {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return fmt::format("req_{:016x}", generator());
}

bool acceptable_client_request_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
            return false;
        }
    }
    return true;
}

// Validates and lower-cases GUID path parameters; returns the 400 for the first malformed one.
std::optional<Response> normalize_guid_params(Request& request) {
    for (auto& [name, value] : request.path_params) {
        if (!is_guid_parameter(name)) continue;
        if (!is_guid(value)) {
            return Response::error(400, fmt::format("Invalid {} '{}': expected a GUID such as "
                                                    "12345678-1234-1234-1234-123456789012",
                                                    name, value));
        }
        value = normalize_guid(value);
    }
    return std::nullopt;
}

// Ping routes speak text/plain: an error body becomes its message.
Response as_plain_text(Response response) {
    if (response.content_type.rfind("application/json", 0) != 0) return response;
    const auto body = Json::parse(response.body, nullptr, false);
    std::string message = response.body;
    if (body.is_object()) {
        if (body.contains("message")) {
            message = body["message"].get<std::string>();
        } else if (body.contains("error") && body["error"].is_string()) {
            message = body["error"].get<std::string>();
        }
    }
    Response text = Response::text(response.status, message);
    text.headers = std::move(response.headers);
    return text;
}

void add_rate_headers(Response& response, const RateDecision& decision) {
    response.headers.emplace_back("X-RateLimit-Limit", std::to_string(decision.limit));
    response.headers.emplace_back("X-RateLimit-Remaining", std::to_string(decision.remaining));
    response.headers.emplace_back("X-RateLimit-Reset",
                                  std::to_string(decision.reset_epoch_seconds));
}

// Sends a file in chunks (exports can be larger than memory should hold) and deletes it after.
void stream_file(httplib::Response& res, const Response& response) {
    auto file = std::make_shared<std::ifstream>(response.body_file, std::ios::binary);
    const auto size = static_cast<size_t>(std::filesystem::file_size(response.body_file));
    const auto path = response.body_file;
    const bool remove = response.remove_body_file;
    res.set_content_provider(
        size, response.content_type,
        [file](size_t offset, size_t length, httplib::DataSink& sink) {
            std::vector<char> buffer(std::min<size_t>(length, 1u << 20));
            file->seekg(static_cast<std::streamoff>(offset));
            file->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            return sink.write(buffer.data(), static_cast<size_t>(file->gcount()));
        },
        [path, remove](bool) {
            std::error_code ignored;
            if (remove) std::filesystem::remove(path, ignored);
        });
}

}  // namespace

struct HttpServer::Transport {
    httplib::Server server;
    int port = 0;
    int listen_socket = -1;
};

HttpServer::HttpServer(HttpServerOptions options, Router& router, services::ApiKeyService& api_keys)
    : options_(std::move(options)),
      router_(router),
      api_keys_(api_keys),
      rate_limiter_(options_.rate_limit_per_minute, std::chrono::seconds(60)),
      transport_(std::make_unique<Transport>()) {}

HttpServer::~HttpServer() = default;

Response HttpServer::handle(Request& request, const std::function<bool(std::string&)>& read_body) {
    const RouteMatch match = router_.match(request.method, request.path);
    if (!match.route) {
        if (!match.allowed_methods.empty()) {
            std::string allow;
            for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
            Response response = Response::error(
                405, fmt::format("Method {} is not allowed on {}", request.method, request.path),
                {{"allowedMethods", allow}});
            response.headers.emplace_back("Allow", allow);
            return response;
        }
        return Response::error(
            404, fmt::format("No API route matches {} {}", request.method, request.path));
    }
    const RouteSpec& spec = match.route->spec;
    request.path_params = match.params;
    request.route = spec.pattern;

    auto finish = [&](Response response) {
        return spec.plain_text ? as_plain_text(std::move(response)) : response;
    };

    if (auto rejection = normalize_guid_params(request)) return finish(std::move(*rejection));
    if (auto rejection = authorize(spec, request, api_keys_)) return finish(std::move(*rejection));

    const RateDecision rate = rate_limiter_.check(request.caller ? "key:" + request.caller->key_id
                                                                 : "ip:" + request.remote_address);
    if (!rate.allowed) {
        Response response = Response::json(
            429, Json{{"error", "Rate limit exceeded"},
                      {"message", fmt::format("Rate limit of {} requests per minute exceeded; "
                                              "retry after {} seconds",
                                              rate.limit, rate.retry_after_seconds)},
                      {"retryAfter", rate.retry_after_seconds}});
        response.headers.emplace_back("Retry-After", std::to_string(rate.retry_after_seconds));
        add_rate_headers(response, rate);
        return finish(std::move(response));
    }

    if (spec.max_upload_bytes > 0) {
        constexpr int64_t kFramingSlack = 1 << 20;
        const auto length = request.header("content-length");
        if (length &&
            std::strtoll(length->c_str(), nullptr, 10) > spec.max_upload_bytes + kFramingSlack) {
            const auto message = fmt::format("The upload exceeds the limit of {} bytes (1 GB)",
                                             spec.max_upload_bytes);
            Response response = spec.too_large_response ? spec.too_large_response(message)
                                                        : Response::error(413, message);
            response.headers.emplace_back("Connection", "close");
            return finish(std::move(response));
        }
    }

    Response response;
    try {
        if (spec.max_upload_bytes == 0 && !read_body(request.body)) {
            response =
                Response::error(413, fmt::format("Request body exceeds the limit of {} bytes",
                                                 options_.max_json_body_bytes));
        } else {
            response = match.route->handler(request);
        }
    } catch (const ServiceError& error) {
        response = error_response(error);
    } catch (const importers::ImportError& error) {
        response = error_response(error);
    } catch (const std::exception& error) {
        spdlog::error("{} {} {} failed: {}", request.request_id, request.method, request.path,
                      error.what());
        response = Response::json(
            500, Json{{"error", "Internal server error"}, {"requestId", request.request_id}});
    }
    if (response.status == 413) response.headers.emplace_back("Connection", "close");
    if (rate_limiter_.enabled()) add_rate_headers(response, rate);
    return finish(std::move(response));
}

int HttpServer::bind() {
    auto& server = transport_->server;
    const size_t threads = options_.worker_threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_keep_alive_max_count(100000);
    server.set_keep_alive_timeout(10);
    server.set_tcp_nodelay(true);
    // Debian's cpp-httplib is built with a listen backlog of 5, which drops SYNs when dozens of
    // clients connect at once (each drop costs the client a 1 s retransmit). Remember the
    // listening socket here and raise its backlog once it listens.
    server.set_socket_options([this](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        transport_->listen_socket = sock;
    });

    // cpp-httplib parses multipart bodies itself whenever the Content-Type says multipart (and
    // answers 400 when the boundary parameter is missing), which would take the raw stream away
    // from our MultipartReader and its leniency. Before routing, move the header aside so the
    // body reaches the handler as plain bytes; dispatch restores it.
    server.set_pre_routing_handler([](const httplib::Request& raw, httplib::Response&) {
        const auto type = raw.get_header_value("Content-Type");
        if (type.size() >= 10 && strncasecmp(type.c_str(), "multipart/", 10) == 0) {
            auto& request = const_cast<httplib::Request&>(raw);
            request.headers.erase("Content-Type");
            request.headers.emplace(kHiddenContentType, type);
            request.headers.emplace("Content-Type", "application/octet-stream");
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto dispatch = [this](const httplib::Request& raw, httplib::Response& res,
                           const httplib::ContentReader* reader) {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        request.method = raw.method;
        request.path = raw.path;
        request.remote_address = raw.remote_addr;
        for (const auto& [name, value] : raw.headers) {
            request.headers.emplace(to_lower(name), value);
        }
        for (const auto& [name, value] : raw.params) request.query.emplace_back(name, value);
        const auto client_id = request.header("x-request-id");
        request.request_id =
            client_id && acceptable_client_request_id(*client_id) ? *client_id : new_request_id();

        if (reader != nullptr) {
            request.stream_body = [reader](const std::function<void(const char*, size_t)>& sink) {
                // An exception must not unwind through the transport: stop reading, rethrow here.
                std::exception_ptr failure;
                (*reader)([&](const char* data, size_t length) {
                    try {
                        sink(data, length);
                        return true;
                    } catch (...) {
                        failure = std::current_exception();
                        return false;
                    }
                });
                if (failure) std::rethrow_exception(failure);
            };
        }
        const size_t limit = options_.max_json_body_bytes;
        auto read_body = [&](std::string& body) {
            if (!reader) return true;
            if (raw.get_header_value<uint64_t>("Content-Length") > limit) return false;
            bool within_limit = true;
            (*reader)([&](const char* data, size_t length) {
                body.append(data, length);
                within_limit = body.size() <= limit;
                return within_limit;
            });
            return within_limit;
        };
        Response response = handle(request, read_body);

        const double millis =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        res.status = response.status;
        for (auto& [name, value] : response.headers) res.set_header(name, value);
        res.set_header("X-Request-Id", request.request_id);
        res.set_header("X-Response-Time", fmt::format("{:.0f}ms", millis));
        res.set_header("X-API-Version", kApiVersion);
        if (response.body_file.empty()) {
            res.set_content(response.body, response.content_type);
        } else {
            stream_file(res, response);
        }
        spdlog::info("{} {} {} route={} status={} {:.2f}ms", request.request_id, request.method,
                     request.path, request.route.empty() ? "-" : request.route, response.status,
                     millis);
    };

    server.Get(".*", [dispatch](const httplib::Request& req, httplib::Response& res) {
        dispatch(req, res, nullptr);
    });
    auto with_body = [dispatch](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
        dispatch(req, res, &reader);
    };
    server.Post(".*", with_body);
    server.Put(".*", with_body);
    server.Patch(".*", with_body);
    server.Delete(".*", with_body);

    if (options_.port == 0) {
        transport_->port = server.bind_to_any_port(options_.host);
    } else if (server.bind_to_port(options_.host, options_.port)) {
        transport_->port = options_.port;
    } else {
        transport_->port = -1;
    }
    if (transport_->port <= 0) {
        throw std::runtime_error(
            fmt::format("cannot listen on {}:{}", options_.host, options_.port));
    }
    if (::listen(transport_->listen_socket, SOMAXCONN) != 0) {
        spdlog::warn("could not raise the listen backlog; bursts of connections may be delayed");
    }
    return transport_->port;
}

void HttpServer::serve() {
    transport_->server.listen_after_bind();
}

void HttpServer::stop() {
    transport_->server.stop();
}

}  // namespace pmstudio::api
