#include "storage/sqlite_dashboard_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelectDashboard =
    "SELECT d.id, d.project_id, d.notebook_id, d.name, d.description, d.dashboard_order, "
    "d.mcl_extra, d.created_by, d.modified_by, d.date_created, d.date_modified, "
    "(SELECT COUNT(*) FROM dashboard_panels p WHERE p.dashboard_id = d.id) FROM dashboards d ";

constexpr const char* kSelectPanel =
    "SELECT id, dashboard_id, title, description, panel_type, row_index, column_index, width, "
    "height, block_id, extra_options, date_created FROM dashboard_panels ";

DashboardRecord read_dashboard(const Statement& row) {
    return DashboardRecord{row.text(0), row.text(1), row.optional_text(2), row.text(3),
                           row.text(4), row.real(5), row.text(6),          row.text(7),
                           row.text(8), row.text(9), row.text(10),         row.integer(11)};
}

PanelRecord read_panel(const Statement& row) {
    return PanelRecord{row.text(0),    row.text(1),          row.text(2),    row.text(3),
                       row.text(4),    row.integer(5),       row.integer(6), row.integer(7),
                       row.integer(8), row.optional_text(9), row.text(10),   row.text(11)};
}

}  // namespace

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

std::optional<DashboardRecord> SqliteDashboardRepository::find(const std::string& project_id,
                                                               const std::string& dashboard_id) {
    auto stmt = db_.connection().prepare(std::string(kSelectDashboard) +
                                         "WHERE d.id = ? AND d.project_id = ?");
    stmt.bind_all(dashboard_id, project_id);
    if (!stmt.step()) return std::nullopt;
    return read_dashboard(stmt);
}

std::optional<LocatedDashboard> SqliteDashboardRepository::locate(const std::string& dashboard_id) {
    auto dashboard_stmt =
        db_.connection().prepare(std::string(kSelectDashboard) + "WHERE d.id = ?");
    dashboard_stmt.bind_all(dashboard_id);
    if (!dashboard_stmt.step()) return std::nullopt;
    LocatedDashboard located{read_dashboard(dashboard_stmt), {}};
    auto tenant_stmt = db_.connection().prepare("SELECT tenant_id FROM projects WHERE id = ?");
    tenant_stmt.bind_all(located.dashboard.project_id);
    if (!tenant_stmt.step()) return std::nullopt;
    located.tenant_id = tenant_stmt.text(0);
    return located;
}

std::optional<DashboardRecord> SqliteDashboardRepository::find_for_notebook(
    const std::string& notebook_id) {
    auto stmt = db_.connection().prepare(std::string(kSelectDashboard) + "WHERE d.notebook_id = ?");
    stmt.bind_all(notebook_id);
    if (!stmt.step()) return std::nullopt;
    return read_dashboard(stmt);
}

std::vector<DashboardRecord> SqliteDashboardRepository::list(const std::string& project_id,
                                                             int64_t offset, int64_t limit) {
    auto stmt = db_.connection().prepare(
        std::string(kSelectDashboard) +
        "WHERE d.project_id = ? ORDER BY d.dashboard_order, d.date_created, d.id "
        "LIMIT ? OFFSET ?");
    stmt.bind_all(project_id, limit, offset);
    std::vector<DashboardRecord> result;
    while (stmt.step()) result.push_back(read_dashboard(stmt));
    return result;
}

int64_t SqliteDashboardRepository::count(const std::string& project_id) {
    auto stmt = db_.connection().prepare("SELECT COUNT(*) FROM dashboards WHERE project_id = ?");
    stmt.bind_all(project_id);
    stmt.step();
    return stmt.integer(0);
}

double SqliteDashboardRepository::next_order(const std::string& project_id) {
    auto stmt = db_.connection().prepare(
        "SELECT COALESCE(MAX(dashboard_order), 0) + 1 FROM dashboards WHERE project_id = ?");
    stmt.bind_all(project_id);
    stmt.step();
    return stmt.real(0);
}

void SqliteDashboardRepository::update(const DashboardRecord& d) {
    db_.connection()
        .prepare(
            "UPDATE dashboards SET name = ?, description = ?, modified_by = ?, date_modified = ? "
            "WHERE id = ?")
        .bind_all(d.name, d.description, d.modified_by, d.date_modified, d.id)
        .execute();
}

void SqliteDashboardRepository::remove(const std::string& dashboard_id) {
    db_.connection()
        .prepare("DELETE FROM dashboards WHERE id = ?")
        .bind_all(dashboard_id)
        .execute();
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

std::optional<PanelRecord> SqliteDashboardRepository::find_panel(const std::string& dashboard_id,
                                                                 const std::string& panel_id) {
    auto stmt =
        db_.connection().prepare(std::string(kSelectPanel) + "WHERE id = ? AND dashboard_id = ?");
    stmt.bind_all(panel_id, dashboard_id);
    if (!stmt.step()) return std::nullopt;
    return read_panel(stmt);
}

std::vector<PanelRecord> SqliteDashboardRepository::panels(const std::string& dashboard_id) {
    auto stmt = db_.connection().prepare(
        std::string(kSelectPanel) + "WHERE dashboard_id = ? ORDER BY row_index, column_index, id");
    stmt.bind_all(dashboard_id);
    std::vector<PanelRecord> result;
    while (stmt.step()) result.push_back(read_panel(stmt));
    return result;
}

void SqliteDashboardRepository::update_panel(const PanelRecord& p) {
    db_.connection()
        .prepare(
            "UPDATE dashboard_panels SET title = ?, description = ?, row_index = ?, "
            "column_index = ?, width = ?, height = ?, extra_options = ? WHERE id = ?")
        .bind_all(p.title, p.description, p.row, p.column, p.width, p.height, p.extra_options, p.id)
        .execute();
}

void SqliteDashboardRepository::remove_panel(const std::string& panel_id) {
    db_.connection()
        .prepare("DELETE FROM dashboard_panels WHERE id = ?")
        .bind_all(panel_id)
        .execute();
}

}  // namespace pmstudio::storage
