#include "storage/sqlite_web_session_repository.h"

namespace pmstudio::storage {

void SqliteWebSessionRepository::insert(const WebSessionRecord& s) {
    db_.connection()
        .prepare(
            "INSERT INTO web_sessions (id_hash, key_id, date_created, date_expires) "
            "VALUES (?, ?, ?, ?)")
        .bind_all(s.id_hash, s.key_id, s.date_created, s.date_expires)
        .execute();
}

std::optional<WebSessionIdentity> SqliteWebSessionRepository::find(const std::string& id_hash) {
    auto stmt = db_.connection().prepare(
        "SELECT s.id_hash, s.key_id, s.date_created, s.date_expires, k.id, k.tenant_id, k.name, "
        "k.key_hash, k.date_created, COALESCE(t.is_disabled, 0) FROM web_sessions s "
        "JOIN api_keys k ON k.id = s.key_id LEFT JOIN tenants t ON t.id = k.tenant_id "
        "WHERE s.id_hash = ?");
    stmt.bind(1, id_hash);
    if (!stmt.step()) return std::nullopt;
    return WebSessionIdentity{
        WebSessionRecord{stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3)},
        ApiKeyIdentity{ApiKeyRecord{stmt.text(4), stmt.optional_text(5), stmt.text(6), stmt.text(7),
                                    stmt.text(8)},
                       stmt.boolean(9)}};
}

void SqliteWebSessionRepository::remove(const std::string& id_hash) {
    db_.connection()
        .prepare("DELETE FROM web_sessions WHERE id_hash = ?")
        .bind(1, id_hash)
        .execute();
}

void SqliteWebSessionRepository::remove_expired(const std::string& now) {
    db_.connection()
        .prepare("DELETE FROM web_sessions WHERE date_expires < ?")
        .bind(1, now)
        .execute();
}

}  // namespace pmstudio::storage
