#pragma once

#include "api/router.h"
#include "services/dataset_service.h"

namespace pmstudio::api {

// Dataset API: list; create and update from CSV, package or binary uploads; and pmstudio's
// additions: get and delete one dataset, export as CSV/XES/binary.
void register_dataset_routes(Router& router, services::DatasetService& datasets);

}  // namespace pmstudio::api
