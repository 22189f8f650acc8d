#include "storage/sqlite_project_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kColumns =
    "id, tenant_id, name, description, is_active, created_by, modified_by, date_created, "
    "date_modified";

ProjectRecord read_project(const Statement& row) {
    ProjectRecord p;
    p.id = row.text(0);
    p.tenant_id = row.text(1);
    p.name = row.text(2);
    p.description = row.text(3);
    p.is_active = row.boolean(4);
    p.created_by = row.text(5);
    p.modified_by = row.text(6);
    p.date_created = row.text(7);
    p.date_modified = row.text(8);
    return p;
}

}  // namespace

void SqliteProjectRepository::insert(const ProjectRecord& p) {
    db_.connection()
        .prepare(std::string("INSERT INTO projects (") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(p.id, p.tenant_id, p.name, p.description, p.is_active, p.created_by,
                  p.modified_by, p.date_created, p.date_modified)
        .execute();
}

std::optional<ProjectRecord> SqliteProjectRepository::find(const std::string& tenant_id,
                                                           const std::string& project_id) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns +
                                         " FROM projects WHERE id = ? AND tenant_id = ?");
    stmt.bind_all(project_id, tenant_id);
    if (!stmt.step()) return std::nullopt;
    return read_project(stmt);
}

std::vector<ProjectRecord> SqliteProjectRepository::list(const std::string& tenant_id,
                                                         int64_t offset, int64_t limit) {
    auto stmt = db_.connection().prepare(
        std::string("SELECT ") + kColumns +
        " FROM projects WHERE tenant_id = ? ORDER BY date_created, id LIMIT ? OFFSET ?");
    stmt.bind_all(tenant_id, limit, offset);
    std::vector<ProjectRecord> out;
    while (stmt.step()) out.push_back(read_project(stmt));
    return out;
}

int64_t SqliteProjectRepository::count(const std::string& tenant_id) {
    auto stmt = db_.connection().prepare("SELECT COUNT(*) FROM projects WHERE tenant_id = ?");
    stmt.bind(1, tenant_id);
    stmt.step();
    return stmt.integer(0);
}

ProjectCounts SqliteProjectRepository::counts(const std::string& project_id) {
    auto stmt = db_.connection().prepare(
        "SELECT (SELECT COUNT(*) FROM datasets WHERE project_id = ?1),"
        " (SELECT COUNT(*) FROM investigations WHERE project_id = ?1),"
        " (SELECT COUNT(*) FROM notebooks n JOIN investigations i ON i.id = n.investigation_id"
        "    WHERE i.project_id = ?1),"
        " (SELECT COUNT(*) FROM dashboards WHERE project_id = ?1),"
        " (SELECT COUNT(*) FROM project_users WHERE project_id = ?1)");
    stmt.bind(1, project_id);
    stmt.step();
    return ProjectCounts{stmt.integer(0), stmt.integer(1), stmt.integer(2), stmt.integer(3),
                         stmt.integer(4)};
}

void SqliteProjectRepository::update(const ProjectRecord& p) {
    db_.connection()
        .prepare(
            "UPDATE projects SET name = ?, description = ?, is_active = ?, modified_by = ?, "
            "date_modified = ? WHERE id = ? AND tenant_id = ?")
        .bind_all(p.name, p.description, p.is_active, p.modified_by, p.date_modified, p.id,
                  p.tenant_id)
        .execute();
}

bool SqliteProjectRepository::remove(const std::string& tenant_id, const std::string& project_id) {
    return db_.connection()
               .prepare("DELETE FROM projects WHERE id = ? AND tenant_id = ?")
               .bind_all(project_id, tenant_id)
               .execute() > 0;
}

}  // namespace pmstudio::storage
