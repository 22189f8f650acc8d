#pragma once

#include "storage/api_key_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteApiKeyRepository final : public ApiKeyRepository {
public:
    explicit SqliteApiKeyRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const ApiKeyRecord& key) override;
    std::optional<ApiKeyIdentity> find_by_hash(const std::string& key_hash) override;
    std::vector<ApiKeyRecord> list(const std::optional<std::string>& tenant_id) override;
    bool remove(const std::optional<std::string>& tenant_id, const std::string& id) override;
    int64_t count_all() override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
