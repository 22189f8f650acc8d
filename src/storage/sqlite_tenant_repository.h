#pragma once

#include "storage/sqlite_database.h"
#include "storage/tenant_repository.h"

namespace pmstudio::storage {

class SqliteTenantRepository final : public TenantRepository {
public:
    explicit SqliteTenantRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const TenantRecord& tenant) override;
    std::optional<TenantRecord> find(const std::string& id) override;
    std::vector<TenantRecord> list(int64_t offset, int64_t limit) override;
    int64_t count() override;
    std::vector<std::string> all_ids() override;
    TenantStats stats(const std::string& id) override;
    void update(const TenantRecord& tenant) override;
    bool remove(const std::string& id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
