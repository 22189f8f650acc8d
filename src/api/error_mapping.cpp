#include "api/error_mapping.h"

namespace pmstudio::api {

int status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Validation:
        case ErrorKind::BadRequest:
            return 400;
        case ErrorKind::Unauthorized:
            return 401;
        case ErrorKind::Forbidden:
            return 403;
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::Conflict:
            return 409;
        case ErrorKind::PayloadTooLarge:
            return 413;
        case ErrorKind::LimitReached:
            return 429;
    }
    return 500;
}

Response error_response(const ServiceError& error) {
    const int status = status_for(error.kind());
    switch (error.body()) {
        case ErrorBody::JsonString:
            return Response::json(status, Json(error.what()));
        case ErrorBody::PlainText:
            return Response::text(status, error.what());
        case ErrorBody::CamelCase:
        case ErrorBody::PascalCase:
            break;
    }
    const bool pascal = error.body() == ErrorBody::PascalCase;
    Json body{{pascal ? "Error" : "error", error.what()}};
    if (!error.validation_errors().empty()) {
        body[pascal ? "ValidationErrors" : "validationErrors"] = error.validation_errors();
    }
    for (const auto& [key, value] : error.fields()) body[key] = value;
    return Response::json(status, body);
}

Response error_response(const importers::ImportError& error) {
    return Response::json(error.status(), Json{{"errors", error.messages()},
                                               {"rowIssues", Json::array()},
                                               {"statusCode", error.status()},
                                               {"error", error.what()}});
}

}  // namespace pmstudio::api
