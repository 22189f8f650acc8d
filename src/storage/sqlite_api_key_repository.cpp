#include "storage/sqlite_api_key_repository.h"

namespace pmstudio::storage {
namespace {

ApiKeyRecord read_key(const Statement& row) {
    return ApiKeyRecord{row.text(0), row.optional_text(1), row.text(2), row.text(3), row.text(4)};
}

}  // namespace

void SqliteApiKeyRepository::insert(const ApiKeyRecord& k) {
    db_.connection()
        .prepare(
            "INSERT INTO api_keys (id, tenant_id, name, key_hash, date_created) "
            "VALUES (?, ?, ?, ?, ?)")
        .bind_all(k.id, k.tenant_id, k.name, k.key_hash, k.date_created)
        .execute();
}

std::optional<ApiKeyIdentity> SqliteApiKeyRepository::find_by_hash(const std::string& key_hash) {
    auto stmt = db_.connection().prepare(
        "SELECT k.id, k.tenant_id, k.name, k.key_hash, k.date_created, "
        "COALESCE(t.is_disabled, 0) FROM api_keys k LEFT JOIN tenants t ON t.id = k.tenant_id "
        "WHERE k.key_hash = ?");
    stmt.bind(1, key_hash);
    if (!stmt.step()) return std::nullopt;
    return ApiKeyIdentity{read_key(stmt), stmt.boolean(5)};
}

std::vector<ApiKeyRecord> SqliteApiKeyRepository::list(
    const std::optional<std::string>& tenant_id) {
    auto stmt = db_.connection().prepare(
        "SELECT id, tenant_id, name, key_hash, date_created FROM api_keys "
        "WHERE tenant_id IS ?1 ORDER BY date_created, id");
    stmt.bind(1, tenant_id);
    std::vector<ApiKeyRecord> out;
    while (stmt.step()) out.push_back(read_key(stmt));
    return out;
}

bool SqliteApiKeyRepository::remove(const std::optional<std::string>& tenant_id,
                                    const std::string& id) {
    return db_.connection()
               .prepare("DELETE FROM api_keys WHERE id = ? AND tenant_id IS ?")
               .bind(1, id)
               .bind(2, tenant_id)
               .execute() > 0;
}

int64_t SqliteApiKeyRepository::count_all() {
    auto stmt = db_.connection().prepare("SELECT COUNT(*) FROM api_keys");
    stmt.step();
    return stmt.integer(0);
}

}  // namespace pmstudio::storage
