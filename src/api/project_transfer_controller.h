#pragma once

#include "api/router.h"
#include "services/project_export.h"
#include "services/project_import.h"

namespace pmstudio::api {

// Project packages (.mpz): GET /api/{tenantId}/project/{projectId}/download and
// POST /api/{tenantId}/project/import (docs/project-transfer.md).
void register_project_transfer_routes(Router& router, services::ProjectExportService& exports,
                                      services::ProjectImportService& imports);

}  // namespace pmstudio::api
