#include "api/dashboard_json.h"

#include <fmt/format.h>

#include "api/public_url.h"

namespace pmstudio::api {

std::string dashboard_url(const Request& request, const std::string& dashboard_id) {
    return public_base_url(request) + "/dashboard/" + dashboard_id;
}

Json dashboard_json(const Request& request, const storage::DashboardRecord& dashboard) {
    return Json{{"dashboardId", dashboard.id},
                {"projectId", dashboard.project_id},
                {"name", dashboard.name},
                {"description", dashboard.description},
                {"panelCount", dashboard.panel_count},
                {"url", dashboard_url(request, dashboard.id)},
                {"dateCreated", dashboard.date_created},
                {"dateModified", dashboard.date_modified},
                {"createdBy", dashboard.created_by},
                {"modifiedBy", dashboard.modified_by},
                {"notebookId", optional_json(dashboard.notebook_id)}};
}

Json panel_json(const storage::PanelRecord& panel) {
    return Json{{"panelId", panel.id},
                {"name", panel.title},
                {"panelType", panel.panel_type},
                {"position", fmt::format("Row: {}, Col: {}", panel.row, panel.column)},
                {"width", panel.width},
                {"height", panel.height},
                {"configuration", panel.extra_options},
                {"blockId", optional_json(panel.block_id)}};
}

Json panel_summary_json(const storage::PanelRecord& panel) {
    return Json{{"panelId", panel.id},
                {"title", panel.title},
                {"dashboardPanelClassName", panel.panel_type},
                {"row", panel.row},
                {"column", panel.column},
                {"width", panel.width},
                {"height", panel.height},
                {"blockId", optional_json(panel.block_id)}};
}

}  // namespace pmstudio::api
