#pragma once

#include "storage/execution_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteExecutionRepository final : public ExecutionRepository {
public:
    explicit SqliteExecutionRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const ExecutionRecord& execution) override;
    void update(const ExecutionRecord& execution) override;
    std::optional<ExecutionRecord> find(const std::string& execution_id) override;
    std::optional<ExecutionRecord> latest(const std::string& notebook_id,
                                          bool notebook_runs_only) override;
    void insert_result(const BlockResultRecord& result) override;
    std::vector<BlockResultRecord> results(const std::string& execution_id) override;
    std::vector<BlockResultRecord> history(const std::string& block_id) override;
    std::optional<BlockResultRecord> latest_result(const std::string& block_id) override;
    int fail_unfinished(const std::string& date_ended, const std::string& message) override;
    int prune(const std::string& notebook_id, int keep) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
