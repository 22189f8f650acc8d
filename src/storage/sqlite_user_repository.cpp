#include "storage/sqlite_user_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kColumns =
    "u.id, u.email, u.display_name, u.first_name, u.last_name, u.role_name, u.disabled, "
    "u.is_service_account, u.home_tenant_id, u.last_login, u.date_created";

UserRecord read_user(const Statement& row) {
    UserRecord u;
    u.id = row.text(0);
    u.email = row.text(1);
    u.display_name = row.text(2);
    u.first_name = row.optional_text(3);
    u.last_name = row.optional_text(4);
    u.role_name = row.text(5);
    u.disabled = row.boolean(6);
    u.is_service_account = row.boolean(7);
    u.home_tenant_id = row.optional_text(8);
    u.last_login = row.optional_text(9);
    u.date_created = row.text(10);
    return u;
}

// The WHERE clause shared by list and count; every filter is bound even when unused so that one
// prepared statement serves all combinations.
constexpr const char* kQueryFilter =
    " FROM users u WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM tenant_users tu"
    "   WHERE tu.user_id = u.id AND tu.tenant_id = ?1))"
    " AND (?2 = 1 OR u.disabled = 0)"
    " AND (?3 IS NULL OR u.role_name = ?3 COLLATE NOCASE)"
    " AND (?4 IS NULL OR instr(lower(u.email), lower(?4)) > 0"
    "      OR instr(lower(u.display_name), lower(?4)) > 0)";

void bind_query(Statement& stmt, const UserQuery& query) {
    stmt.bind(1, query.tenant_id);
    stmt.bind(2, query.include_disabled);
    stmt.bind(3, query.role_name);
    stmt.bind(4, query.search);
}

}  // namespace

void SqliteUserRepository::insert(const UserRecord& u) {
    db_.connection()
        .prepare(
            "INSERT INTO users (id, email, display_name, first_name, last_name, role_name, "
            "disabled, is_service_account, home_tenant_id, last_login, date_created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(u.id, u.email, u.display_name, u.first_name, u.last_name, u.role_name, u.disabled,
                  u.is_service_account, u.home_tenant_id, u.last_login, u.date_created)
        .execute();
}

std::optional<UserRecord> SqliteUserRepository::find(const std::string& id) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns +
                                         " FROM users u WHERE u.id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return read_user(stmt);
}

std::optional<UserRecord> SqliteUserRepository::find_by_email(const std::string& email) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns +
                                         " FROM users u WHERE u.email = ? COLLATE NOCASE");
    stmt.bind(1, email);
    if (!stmt.step()) return std::nullopt;
    return read_user(stmt);
}

void SqliteUserRepository::update(const UserRecord& u) {
    db_.connection()
        .prepare(
            "UPDATE users SET email = ?, display_name = ?, first_name = ?, last_name = ?, "
            "role_name = ?, disabled = ?, is_service_account = ?, home_tenant_id = ?, "
            "last_login = ? WHERE id = ?")
        .bind_all(u.email, u.display_name, u.first_name, u.last_name, u.role_name, u.disabled,
                  u.is_service_account, u.home_tenant_id, u.last_login, u.id)
        .execute();
}

std::vector<UserRecord> SqliteUserRepository::list(const UserQuery& query) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns + kQueryFilter +
                                         " ORDER BY u.display_name, u.id LIMIT ?5 OFFSET ?6");
    bind_query(stmt, query);
    stmt.bind(5, query.limit);
    stmt.bind(6, query.offset);
    std::vector<UserRecord> out;
    while (stmt.step()) out.push_back(read_user(stmt));
    return out;
}

int64_t SqliteUserRepository::count(const UserQuery& query) {
    auto stmt = db_.connection().prepare(std::string("SELECT COUNT(*)") + kQueryFilter);
    bind_query(stmt, query);
    stmt.step();
    return stmt.integer(0);
}

std::vector<TenantAssignment> SqliteUserRepository::assignments(const std::string& user_id) {
    auto stmt = db_.connection().prepare(
        "SELECT t.id, t.name, t.display_name, tu.date_assigned FROM tenant_users tu "
        "JOIN tenants t ON t.id = tu.tenant_id WHERE tu.user_id = ? ORDER BY t.name");
    stmt.bind(1, user_id);
    std::vector<TenantAssignment> out;
    while (stmt.step()) {
        out.push_back({stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3)});
    }
    return out;
}

bool SqliteUserRepository::is_assigned(const std::string& tenant_id, const std::string& user_id) {
    auto stmt =
        db_.connection().prepare("SELECT 1 FROM tenant_users WHERE tenant_id = ? AND user_id = ?");
    stmt.bind_all(tenant_id, user_id);
    return stmt.step();
}

void SqliteUserRepository::assign(const std::string& tenant_id, const std::string& user_id,
                                  const std::string& date_assigned) {
    db_.connection()
        .prepare("INSERT INTO tenant_users (tenant_id, user_id, date_assigned) VALUES (?, ?, ?)")
        .bind_all(tenant_id, user_id, date_assigned)
        .execute();
}

bool SqliteUserRepository::unassign(const std::string& tenant_id, const std::string& user_id) {
    return db_.connection()
               .prepare("DELETE FROM tenant_users WHERE tenant_id = ? AND user_id = ?")
               .bind_all(tenant_id, user_id)
               .execute() > 0;
}

int64_t SqliteUserRepository::count_active_in_tenant(const std::string& tenant_id,
                                                     const std::optional<std::string>& role_name) {
    auto stmt = db_.connection().prepare(
        "SELECT COUNT(*) FROM tenant_users tu JOIN users u ON u.id = tu.user_id "
        "WHERE tu.tenant_id = ?1 AND u.disabled = 0 AND (?2 IS NULL OR u.role_name = ?2)");
    stmt.bind(1, tenant_id);
    stmt.bind(2, role_name);
    stmt.step();
    return stmt.integer(0);
}

}  // namespace pmstudio::storage
