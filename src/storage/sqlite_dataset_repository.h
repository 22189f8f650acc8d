#pragma once

#include "storage/dataset_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteDatasetRepository final : public DatasetRepository {
public:
    explicit SqliteDatasetRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const DatasetRecord& dataset) override;
    std::optional<DatasetRecord> find(const std::string& project_id,
                                      const std::string& dataset_id) override;
    std::vector<DatasetRecord> list(const std::string& project_id) override;
    void update(const DatasetRecord& dataset) override;
    bool remove(const std::string& project_id, const std::string& dataset_id) override;
    std::vector<StoredFile> stored_files() override;

    void insert_import(const DatasetImportRecord& import) override;
    std::optional<DatasetImportRecord> find_import(const std::string& dataset_id,
                                                   const std::string& import_id) override;
    void update_import(const DatasetImportRecord& import) override;
    int fail_unfinished_imports(const std::string& end_time, const std::string& result) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
