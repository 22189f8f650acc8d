#include "storage/sqlite_project_member_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelect =
    "SELECT pu.id, pu.project_id, pu.user_id, u.email, u.display_name, pu.is_owner, "
    "pu.date_assigned FROM project_users pu JOIN users u ON u.id = pu.user_id ";

ProjectMember read_member(const Statement& row) {
    return ProjectMember{row.text(0), row.text(1),    row.text(2), row.text(3),
                         row.text(4), row.boolean(5), row.text(6)};
}

}  // namespace

std::vector<ProjectMember> SqliteProjectMemberRepository::list(const std::string& project_id) {
    auto stmt = db_.connection().prepare(std::string(kSelect) +
                                         "WHERE pu.project_id = ? ORDER BY pu.date_assigned, "
                                         "u.display_name");
    stmt.bind(1, project_id);
    std::vector<ProjectMember> out;
    while (stmt.step()) out.push_back(read_member(stmt));
    return out;
}

std::optional<ProjectMember> SqliteProjectMemberRepository::find(const std::string& project_id,
                                                                 const std::string& user_id) {
    auto stmt = db_.connection().prepare(std::string(kSelect) +
                                         "WHERE pu.project_id = ? AND pu.user_id = ?");
    stmt.bind_all(project_id, user_id);
    if (!stmt.step()) return std::nullopt;
    return read_member(stmt);
}

void SqliteProjectMemberRepository::add(const ProjectMember& m) {
    db_.connection()
        .prepare(
            "INSERT INTO project_users (id, project_id, user_id, is_owner, date_assigned) "
            "VALUES (?, ?, ?, ?, ?)")
        .bind_all(m.permission_id, m.project_id, m.user_id, m.is_owner, m.date_assigned)
        .execute();
}

bool SqliteProjectMemberRepository::set_owner(const std::string& project_id,
                                              const std::string& user_id, bool is_owner) {
    return db_.connection()
               .prepare(
                   "UPDATE project_users SET is_owner = ? WHERE project_id = ? AND user_id = ?")
               .bind_all(is_owner, project_id, user_id)
               .execute() > 0;
}

bool SqliteProjectMemberRepository::remove(const std::string& project_id,
                                           const std::string& user_id) {
    return db_.connection()
               .prepare("DELETE FROM project_users WHERE project_id = ? AND user_id = ?")
               .bind_all(project_id, user_id)
               .execute() > 0;
}

void SqliteProjectMemberRepository::remove_from_tenant_projects(const std::string& tenant_id,
                                                                const std::string& user_id) {
    db_.connection()
        .prepare(
            "DELETE FROM project_users WHERE user_id = ? AND project_id IN "
            "(SELECT id FROM projects WHERE tenant_id = ?)")
        .bind_all(user_id, tenant_id)
        .execute();
}

}  // namespace pmstudio::storage
