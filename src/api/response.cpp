#include "api/response.h"

namespace pmstudio::api {

Response Response::json(int status, const Json& body) {
    Response response;
    response.status = status;
    response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    return response;
}

Json optional_json(const std::optional<std::string>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Response Response::no_content() {
    Response response;
    response.status = 204;
    return response;
}

Response Response::text(int status, std::string body) {
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.body = std::move(body);
    return response;
}

Response Response::error(int status, const std::string& message,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
    Json body{{"error", message}};
    for (const auto& [key, value] : fields) body[key] = value;
    return json(status, body);
}

}  // namespace pmstudio::api
