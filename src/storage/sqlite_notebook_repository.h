#pragma once

#include "storage/notebook_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteNotebookRepository final : public NotebookRepository {
public:
    explicit SqliteNotebookRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const NotebookRecord& notebook) override;
    std::optional<NotebookRecord> find(const std::string& project_id,
                                       const std::string& notebook_id) override;
    std::vector<NotebookRecord> list(const std::string& investigation_id) override;
    std::optional<NotebookRecord> find_main(const std::string& investigation_id) override;
    void update(const NotebookRecord& notebook) override;
    bool remove(const std::string& notebook_id) override;
    double next_order(const std::string& investigation_id) override;
    void record_execution_duration(const std::string& notebook_id, double seconds) override;
    bool name_taken(const std::string& investigation_id, const std::string& name) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
