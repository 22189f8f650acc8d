#pragma once

#include "api/router.h"
#include "services/dataset_import_service.h"

namespace pmstudio::api {

// Asynchronous imports: POST .../dataset/{datasetId}/import (multipart: file + columnMapping),
// POST .../dataset/{datasetId}/import/csv (JSON: fileUrl + mapping + options) and
// GET .../dataset/{datasetId}/import/{importId}/status.
void register_dataset_import_routes(Router& router, services::DatasetService& datasets,
                                    services::DatasetImportService& imports);

}  // namespace pmstudio::api
