#pragma once

#include "api/response.h"
#include "services/project_import.h"

namespace pmstudio::api {

// The import's documented answer {success, projectId, projectName, datasetsImported,
// investigationsImported, dashboardsImported, message} plus details {successful, failed,
// warnings} in SnapLogic's shape (camelCase).
Json project_import_json(const services::ProjectImportResult& result);

}  // namespace pmstudio::api
