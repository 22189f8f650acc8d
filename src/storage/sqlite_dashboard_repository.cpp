#include "storage/sqlite_dashboard_repository.h"

namespace pmstudio::storage {

void SqliteDashboardRepository::insert(const DashboardRecord& d) {
    db_.connection()
        .prepare(
            "INSERT INTO dashboards (id, project_id, notebook_id, name, description, "
            "dashboard_order, mcl_extra, created_by, modified_by, date_created, date_modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(d.id, d.project_id, d.notebook_id, d.name, d.description, d.dashboard_order,
                  d.mcl_extra, d.created_by, d.modified_by, d.date_created, d.date_modified)
        .execute();
}

std::optional<DashboardRecord> SqliteDashboardRepository::find_for_notebook(
    const std::string& notebook_id) {
    auto stmt = db_.connection().prepare(
        "SELECT id, project_id, notebook_id, name, description, dashboard_order, mcl_extra, "
        "created_by, modified_by, date_created, date_modified FROM dashboards "
        "WHERE notebook_id = ?");
    stmt.bind_all(notebook_id);
    if (!stmt.step()) return std::nullopt;
    return DashboardRecord{stmt.text(0), stmt.text(1), stmt.optional_text(2), stmt.text(3),
                           stmt.text(4), stmt.real(5), stmt.text(6),          stmt.text(7),
                           stmt.text(8), stmt.text(9), stmt.text(10)};
}

void SqliteDashboardRepository::insert_panel(const PanelRecord& p) {
    db_.connection()
        .prepare(
            "INSERT INTO dashboard_panels (id, dashboard_id, title, description, panel_type, "
            "row_index, column_index, width, height, block_id, extra_options, date_created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(p.id, p.dashboard_id, p.title, p.description, p.panel_type, p.row, p.column,
                  p.width, p.height, p.block_id, p.extra_options, p.date_created)
        .execute();
}

std::vector<PanelRecord> SqliteDashboardRepository::panels(const std::string& dashboard_id) {
    auto stmt = db_.connection().prepare(
        "SELECT id, dashboard_id, title, description, panel_type, row_index, column_index, width, "
        "height, block_id, extra_options, date_created FROM dashboard_panels "
        "WHERE dashboard_id = ? ORDER BY row_index, column_index, id");
    stmt.bind_all(dashboard_id);
    std::vector<PanelRecord> result;
    while (stmt.step()) {
        result.push_back(PanelRecord{stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3),
                                     stmt.text(4), stmt.integer(5), stmt.integer(6),
                                     stmt.integer(7), stmt.integer(8), stmt.optional_text(9),
                                     stmt.text(10), stmt.text(11)});
    }
    return result;
}

}  // namespace pmstudio::storage
