#pragma once

#include "api/router.h"
#include "services/dataset_service.h"

namespace pmstudio::api {

// POST /api/{tenantId}/{projectId}/dataset/preview (pmstudio addition): the multipart fields of
// /dataset/csv; reads the first 10,000 rows of a CSV, Excel or JSON file and answers with the
// detected dialect, column types and date formats, a suggested mapping, the first 20 events and
// the row issues — storing nothing.
void register_dataset_preview_route(Router& router, services::DatasetService& datasets);

}  // namespace pmstudio::api
