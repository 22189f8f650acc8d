#include "api/process_map_response.h"

#include <stdexcept>

#include "common/service_error.h"

namespace pmstudio::api {

services::EdgeLabel edge_label(const Request& request) {
    const auto label = request.query_param("label").value_or("count");
    if (label == "count") return services::EdgeLabel::Count;
    if (label == "duration") return services::EdgeLabel::Duration;
    throw ServiceError::validation({"Query parameter 'label' must be count or duration"});
}

Response process_map_svg_response(const std::string& envelope, services::EdgeLabel label) {
    std::string dot;
    try {
        dot = services::process_map_dot(Json::parse(envelope), label);
    } catch (const std::invalid_argument& error) {
        throw ServiceError(ErrorKind::BadRequest, error.what());
    }
    Response response = Response::text(200, services::render_svg(dot));
    response.content_type = "image/svg+xml";
    return response;
}

}  // namespace pmstudio::api
