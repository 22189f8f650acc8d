#pragma once

#include "api/response.h"
#include "api/router.h"

namespace pmstudio::api {

// An OpenAPI 3.0 document generated from the router's route table.
Json build_openapi_document(const Router& router);

// GET /swagger/v1/swagger.json; the document is built once, after every other route is added.
void register_openapi_route(Router& router);

}  // namespace pmstudio::api
