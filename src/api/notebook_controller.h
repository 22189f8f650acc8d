#pragma once

#include "api/router.h"
#include "services/notebook_service.h"

namespace pmstudio::api {

// Notebook API: notebooks of an investigation (CRUD, from-template, copy) and their shareable
// URL. The block routes of the Notebook API are in notebook_block_controller.h.
void register_notebook_routes(Router& router, services::NotebookService& notebooks);

}  // namespace pmstudio::api
