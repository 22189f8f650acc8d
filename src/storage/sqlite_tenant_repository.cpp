#include "storage/sqlite_tenant_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kColumns =
    "id, name, display_name, description, max_users, max_analysts, max_cases, time_zone, "
    "is_academic, pre_release, autoload, is_disabled, date_created";

TenantRecord read_tenant(const Statement& row) {
    TenantRecord t;
    t.id = row.text(0);
    t.name = row.text(1);
    t.display_name = row.text(2);
    t.description = row.text(3);
    t.max_users = row.integer(4);
    t.max_analysts = row.integer(5);
    t.max_cases = row.integer(6);
    t.time_zone = row.text(7);
    t.is_academic = row.boolean(8);
    t.pre_release = row.boolean(9);
    t.autoload = row.boolean(10);
    t.is_disabled = row.boolean(11);
    t.date_created = row.text(12);
    return t;
}

}  // namespace

void SqliteTenantRepository::insert(const TenantRecord& t) {
    db_.connection()
        .prepare(std::string("INSERT INTO tenants (") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.name, t.display_name, t.description, t.max_users, t.max_analysts,
                  t.max_cases, t.time_zone, t.is_academic, t.pre_release, t.autoload, t.is_disabled,
                  t.date_created)
        .execute();
}

std::optional<TenantRecord> SqliteTenantRepository::find(const std::string& id) {
    auto stmt =
        db_.connection().prepare(std::string("SELECT ") + kColumns + " FROM tenants WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return read_tenant(stmt);
}

std::vector<TenantRecord> SqliteTenantRepository::list(int64_t offset, int64_t limit) {
    auto stmt =
        db_.connection().prepare(std::string("SELECT ") + kColumns +
                                 " FROM tenants ORDER BY date_created, id LIMIT ? OFFSET ?");
    stmt.bind_all(limit, offset);
    std::vector<TenantRecord> out;
    while (stmt.step()) out.push_back(read_tenant(stmt));
    return out;
}

int64_t SqliteTenantRepository::count() {
    auto stmt = db_.connection().prepare("SELECT COUNT(*) FROM tenants");
    stmt.step();
    return stmt.integer(0);
}

std::vector<std::string> SqliteTenantRepository::all_ids() {
    auto stmt = db_.connection().prepare("SELECT id FROM tenants");
    std::vector<std::string> out;
    while (stmt.step()) out.push_back(stmt.text(0));
    return out;
}

TenantStats SqliteTenantRepository::stats(const std::string& id) {
    auto stmt = db_.connection().prepare(
        "SELECT "
        " (SELECT COALESCE(SUM(d.case_count), 0) FROM datasets d JOIN projects p"
        "    ON p.id = d.project_id WHERE p.tenant_id = ?1),"
        " (SELECT COUNT(*) FROM tenant_users tu JOIN users u ON u.id = tu.user_id"
        "    WHERE tu.tenant_id = ?1 AND u.disabled = 0),"
        " (SELECT COUNT(*) FROM tenant_users tu JOIN users u ON u.id = tu.user_id"
        "    WHERE tu.tenant_id = ?1 AND u.disabled = 0 AND u.role_name = 'Analyst')");
    stmt.bind(1, id);
    stmt.step();
    return TenantStats{stmt.integer(0), stmt.integer(1), stmt.integer(2)};
}

void SqliteTenantRepository::update(const TenantRecord& t) {
    db_.connection()
        .prepare(
            "UPDATE tenants SET display_name = ?, description = ?, max_users = ?, "
            "max_analysts = ?, max_cases = ?, time_zone = ?, is_academic = ?, pre_release = ?, "
            "autoload = ?, is_disabled = ? WHERE id = ?")
        .bind_all(t.display_name, t.description, t.max_users, t.max_analysts, t.max_cases,
                  t.time_zone, t.is_academic, t.pre_release, t.autoload, t.is_disabled, t.id)
        .execute();
}

bool SqliteTenantRepository::remove(const std::string& id) {
    return db_.connection().prepare("DELETE FROM tenants WHERE id = ?").bind(1, id).execute() > 0;
}

}  // namespace pmstudio::storage
