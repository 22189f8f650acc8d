#include "storage/sqlite_embed_token_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelectToken =
    "SELECT id, dashboard_id, created_by, date_created, date_expires, date_revoked "
    "FROM embed_tokens ";
constexpr const char* kSigningKeyName = "embed_token_signing_key";

EmbedTokenRecord read_token(const Statement& row) {
    return EmbedTokenRecord{row.text(0), row.text(1), row.text(2),
                            row.text(3), row.text(4), row.optional_text(5)};
}

}  // namespace

void SqliteEmbedTokenRepository::insert(const EmbedTokenRecord& t) {
    db_.connection()
        .prepare(
            "INSERT INTO embed_tokens (id, dashboard_id, created_by, date_created, date_expires, "
            "date_revoked) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.dashboard_id, t.created_by, t.date_created, t.date_expires,
                  t.date_revoked)
        .execute();
}

std::optional<EmbedTokenRecord> SqliteEmbedTokenRepository::find(const std::string& token_id) {
    auto stmt = db_.connection().prepare(std::string(kSelectToken) + "WHERE id = ?");
    stmt.bind(1, token_id);
    if (!stmt.step()) return std::nullopt;
    return read_token(stmt);
}

std::vector<EmbedTokenRecord> SqliteEmbedTokenRepository::list(const std::string& dashboard_id) {
    auto stmt = db_.connection().prepare(std::string(kSelectToken) +
                                         "WHERE dashboard_id = ? ORDER BY date_created DESC, id");
    stmt.bind(1, dashboard_id);
    std::vector<EmbedTokenRecord> out;
    while (stmt.step()) out.push_back(read_token(stmt));
    return out;
}

bool SqliteEmbedTokenRepository::revoke(const std::string& token_id, const std::string& when) {
    return db_.connection()
               .prepare(
                   "UPDATE embed_tokens SET date_revoked = ? WHERE id = ? AND date_revoked IS NULL")
               .bind_all(when, token_id)
               .execute() > 0;
}

std::string SqliteEmbedTokenRepository::signing_key(const std::function<std::string()>& make) {
    auto& conn = db_.connection();
    const auto stored = [&conn]() -> std::optional<std::string> {
        auto stmt = conn.prepare("SELECT value FROM server_secrets WHERE name = ?");
        stmt.bind(1, kSigningKeyName);
        if (!stmt.step()) return std::nullopt;
        return stmt.text(0);
    };
    if (auto key = stored()) return *key;
    // Another server thread may store its key first: OR IGNORE keeps that one, and it is read back.
    conn.prepare("INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)")
        .bind_all(kSigningKeyName, make())
        .execute();
    return stored().value();
}

}  // namespace pmstudio::storage
