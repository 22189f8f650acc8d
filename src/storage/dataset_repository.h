#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct DatasetRecord {
    std::string id;
    std::string project_id;
    std::string name;
    std::string description;
    std::string case_id_column;
    std::string activity_column;
    std::string time_column;
    std::optional<std::string> resource_column;
    std::optional<std::string> begin_time_column;
    std::optional<std::string> expected_order_column;
    bool use_date_only_sorting = false;
    bool use_only_event_columns = false;
    bool is_original = true;
    int64_t version = 0;      // 1 at creation, +1 per update
    std::string stored_file;  // file name of the current version in the dataset's directory
    int64_t case_count = 0;
    int64_t event_count = 0;
    int64_t stored_bytes = 0;
    std::string source_format;
    std::string culture;
    std::string time_zone;
    int64_t invalid_value_count = 0;
    int64_t skipped_rows_count = 0;
    std::string created_by;
    std::string modified_by;
    std::string date_created;
    std::string date_modified;
};

// An asynchronous import (/import, /import/csv) and its progress; `result` is the JSON the status
// route shows for errors, warnings and statistics.
struct DatasetImportRecord {
    std::string id;
    std::string dataset_id;
    std::string status;  // Queued, Processing, Completed, Failed
    std::string file_name;
    int64_t file_size = 0;
    int64_t rows_processed = 0;
    int64_t rows_total = -1;
    int64_t rows_skipped = 0;
    std::string start_time;
    std::optional<std::string> end_time;
    std::string result = "{}";
};

class DatasetRepository {
public:
    virtual ~DatasetRepository() = default;

    // Throws UniqueConstraintError when the project already has a dataset of that name.
    virtual void insert(const DatasetRecord& dataset) = 0;
    virtual std::optional<DatasetRecord> find(const std::string& project_id,
                                              const std::string& dataset_id) = 0;
    // Ordered by creation date, then id.
    virtual std::vector<DatasetRecord> list(const std::string& project_id) = 0;
    virtual void update(const DatasetRecord& dataset) = 0;
    virtual bool remove(const std::string& project_id, const std::string& dataset_id) = 0;
    // Every stored file as tenant id / dataset id / file name, to find stray files.
    struct StoredFile {
        std::string tenant_id;
        std::string dataset_id;
        std::string file_name;
    };
    virtual std::vector<StoredFile> stored_files() = 0;

    virtual void insert_import(const DatasetImportRecord& import) = 0;
    virtual std::optional<DatasetImportRecord> find_import(const std::string& dataset_id,
                                                           const std::string& import_id) = 0;
    virtual void update_import(const DatasetImportRecord& import) = 0;
    // Marks imports left Queued or Processing by a previous process as Failed; returns how many.
    virtual int fail_unfinished_imports(const std::string& end_time, const std::string& result) = 0;
};

}  // namespace pmstudio::storage
