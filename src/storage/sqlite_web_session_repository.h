#pragma once

#include "storage/sqlite_database.h"
#include "storage/web_session_repository.h"

namespace pmstudio::storage {

class SqliteWebSessionRepository final : public WebSessionRepository {
public:
    explicit SqliteWebSessionRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const WebSessionRecord& session) override;
    std::optional<WebSessionIdentity> find(const std::string& id_hash) override;
    void remove(const std::string& id_hash) override;
    void remove_expired(const std::string& now) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
