#pragma once

#include <string>

#include "common/service_error.h"
#include "storage/store.h"

namespace pmstudio::services {

// The investigation of that project, or NotFound {"error": "Investigation not found",
// "investigationId": ...} (PascalCase keys where the route documents them so).
storage::InvestigationRecord require_investigation(storage::Store& store,
                                                   const std::string& project_id,
                                                   const std::string& investigation_id,
                                                   ErrorBody body = ErrorBody::CamelCase);

// The notebook of that project, or NotFound {"Error": "Notebook not found", "NotebookId": ...}.
storage::NotebookRecord require_notebook(storage::Store& store, const std::string& project_id,
                                         const std::string& notebook_id);

// The block of that project, or NotFound {"Error": "Block not found", "BlockId": ...}.
storage::BlockRecord require_block(storage::Store& store, const std::string& project_id,
                                   const std::string& block_id);

// The dashboard of that project, or NotFound {"Error": "Dashboard not found", "DashboardId": ...}.
storage::DashboardRecord require_dashboard(storage::Store& store, const std::string& project_id,
                                           const std::string& dashboard_id);

// The panel of that dashboard, or NotFound {"Error": "Panel not found", "PanelId": ...}.
storage::PanelRecord require_panel(storage::Store& store, const std::string& dashboard_id,
                                   const std::string& panel_id);

}  // namespace pmstudio::services
