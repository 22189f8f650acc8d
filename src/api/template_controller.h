#pragma once

#include "api/router.h"
#include "services/template_service.h"

namespace pmstudio::api {

// Template API (global API key only): list, get, thumbnail, and tenant template CRUD.
void register_template_routes(Router& router, services::TemplateService& templates);

}  // namespace pmstudio::api
