#pragma once

#include "api/response.h"
#include "common/service_error.h"

namespace pmstudio::api {

// The documented status code and body for a service error: {"error": message, <fields>} plus
// "validationErrors" for validation failures.
Response error_response(const ServiceError& error);

int status_for(ErrorKind kind);

}  // namespace pmstudio::api
