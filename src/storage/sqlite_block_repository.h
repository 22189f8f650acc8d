#pragma once

#include "storage/block_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteBlockRepository final : public BlockRepository {
public:
    explicit SqliteBlockRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const BlockRecord& block) override;
    std::optional<BlockRecord> find(const std::string& project_id,
                                    const std::string& block_id) override;
    std::vector<BlockRecord> list(const std::string& notebook_id, bool dashboard_blocks) override;
    void update(const BlockRecord& block) override;
    void save_links(const std::vector<BlockLink>& links) override;
    bool remove(const std::string& block_id) override;
    void record_execution(const std::string& block_id, const std::string& date,
                          const std::string& status) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
