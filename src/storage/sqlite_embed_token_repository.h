#pragma once

#include "storage/embed_token_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteEmbedTokenRepository final : public EmbedTokenRepository {
public:
    explicit SqliteEmbedTokenRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const EmbedTokenRecord& token) override;
    std::optional<EmbedTokenRecord> find(const std::string& token_id) override;
    std::vector<EmbedTokenRecord> list(const std::string& dashboard_id) override;
    bool revoke(const std::string& token_id, const std::string& when) override;
    std::string signing_key(const std::function<std::string()>& make) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
