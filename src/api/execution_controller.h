#pragma once

#include "api/router.h"
#include "services/execution_service.h"

namespace pmstudio::api {

// Block execution, results and output data (Block API) and notebook execution, results and
// status (Execution routes; these three require the project loaded).
void register_execution_routes(Router& router, services::ExecutionService& executions);

}  // namespace pmstudio::api
