#include "services/analysis_lookup.h"

namespace pmstudio::services {

storage::InvestigationRecord require_investigation(storage::Store& store,
                                                   const std::string& project_id,
                                                   const std::string& investigation_id,
                                                   ErrorBody body) {
    auto investigation = store.investigations().find(project_id, investigation_id);
    if (!investigation) {
        const bool pascal = body == ErrorBody::PascalCase;
        throw ServiceError(ErrorKind::NotFound, "Investigation not found")
            .with(pascal ? "InvestigationId" : "investigationId", investigation_id)
            .written_as(body);
    }
    return *investigation;
}

storage::NotebookRecord require_notebook(storage::Store& store, const std::string& project_id,
                                         const std::string& notebook_id) {
    auto notebook = store.notebooks().find(project_id, notebook_id);
    if (!notebook) {
        throw ServiceError(ErrorKind::NotFound, "Notebook not found")
            .with("NotebookId", notebook_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *notebook;
}

storage::BlockRecord require_block(storage::Store& store, const std::string& project_id,
                                   const std::string& block_id) {
    auto block = store.blocks().find(project_id, block_id);
    if (!block) {
        throw ServiceError(ErrorKind::NotFound, "Block not found")
            .with("BlockId", block_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *block;
}

storage::DashboardRecord require_dashboard(storage::Store& store, const std::string& project_id,
                                           const std::string& dashboard_id) {
    auto dashboard = store.dashboards().find(project_id, dashboard_id);
    if (!dashboard) {
        throw ServiceError(ErrorKind::NotFound, "Dashboard not found")
            .with("DashboardId", dashboard_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *dashboard;
}

storage::PanelRecord require_panel(storage::Store& store, const std::string& dashboard_id,
                                   const std::string& panel_id) {
    auto panel = store.dashboards().find_panel(dashboard_id, panel_id);
    if (!panel) {
        throw ServiceError(ErrorKind::NotFound, "Panel not found")
            .with("PanelId", panel_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *panel;
}

}  // namespace pmstudio::services
