#pragma once

#include "storage/investigation_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteInvestigationRepository final : public InvestigationRepository {
public:
    explicit SqliteInvestigationRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const InvestigationRecord& investigation) override;
    std::optional<InvestigationRecord> find(const std::string& project_id,
                                            const std::string& investigation_id) override;
    std::vector<InvestigationRecord> list(const std::string& project_id, int64_t offset,
                                          int64_t limit) override;
    int64_t count(const std::string& project_id) override;
    void update(const InvestigationRecord& investigation) override;
    bool remove(const std::string& project_id, const std::string& investigation_id) override;
    double next_order(const std::string& project_id) override;
    int64_t count_using_dataset(const std::string& dataset_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
