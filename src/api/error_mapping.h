#pragma once

#include "api/response.h"
#include "common/service_error.h"
#include "importers/import_report.h"

namespace pmstudio::api {

// The documented status code and body for a service error: {"error": message, <fields>} plus
// "validationErrors" for validation failures, or the other shape the error asks for (ErrorBody).
Response error_response(const ServiceError& error);

// A failed import, in the shape of the reference's upload answers: {errors, rowIssues,
// statusCode} (plus "error" with the first message, like every other pmstudio error body).
Response error_response(const importers::ImportError& error);

int status_for(ErrorKind kind);

}  // namespace pmstudio::api
