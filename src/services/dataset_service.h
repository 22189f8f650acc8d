#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eventlog/event_log.h"
#include "importers/import_options.h"
#include "importers/import_report.h"
#include "importers/log_reader.h"
#include "services/caller.h"
#include "services/dataset_cache.h"
#include "services/project_cache.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

// A file that arrived for a dataset, already on disk in the tenant's uploads directory.
struct DatasetUpload {
    importers::LogFormat format;
    std::filesystem::path file;
    std::string file_name;
    importers::ImportOptions options;  // an empty mapping on update means "the dataset's own"
};

// The documented answer of the create and update routes.
struct DatasetImportOutcome {
    storage::DatasetRecord dataset;
    int64_t case_count = 0;
    int64_t event_count = 0;
    int64_t invalid_value_count = 0;
    int64_t skipped_rows_count = 0;
    int64_t activity_count = 0;
    int64_t first_timestamp = eventlog::kNoTime;
    int64_t last_timestamp = eventlog::kNoTime;
    std::vector<std::string> warnings;
    std::vector<importers::RowIssue> row_issues;
};

// Datasets of a project: import (create or replace the data of an original dataset), list, read,
// delete. Problems that the reference answers in the import-result shape
// ({"errors": [...], "statusCode": N}) are thrown as importers::ImportError with that status.
class DatasetService {
public:
    DatasetService(storage::Store& store, storage::TenantStorage& tenant_storage,
                   ProjectCache& projects, DatasetCache& datasets)
        : store_(store),
          tenant_storage_(tenant_storage),
          projects_(projects),
          datasets_(datasets) {}

    std::vector<storage::DatasetRecord> list(const std::string& tenant_id,
                                             const std::string& project_id);
    // ServiceError NotFound when the dataset does not exist in that project.
    storage::DatasetRecord get(const std::string& tenant_id, const std::string& project_id,
                               const std::string& dataset_id);
    DatasetImportOutcome create(const Caller& caller, const std::string& tenant_id,
                                const std::string& project_id, const std::string& name,
                                const std::string& description, const DatasetUpload& upload);
    // Replaces the data; the previous version stays readable until the new one is committed.
    DatasetImportOutcome update(const Caller& caller, const std::string& tenant_id,
                                const std::string& project_id, const std::string& dataset_id,
                                DatasetUpload upload);
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& dataset_id);
    std::shared_ptr<const eventlog::EventLog> load(const std::string& tenant_id,
                                                   const std::string& project_id,
                                                   const std::string& dataset_id);
    // The dataset a later asynchronous import will update: ImportError 400 when it is missing or
    // not an original dataset.
    storage::DatasetRecord require_updatable(const std::string& tenant_id,
                                             const std::string& project_id,
                                             const std::string& dataset_id);

    // The zone offset-less timestamps are read in when the upload names none.
    std::string default_time_zone(const std::string& tenant_id);
    // A place for an incoming file of a project that exists (NotFound otherwise).
    std::filesystem::path new_upload_path(const std::string& tenant_id,
                                          const std::string& project_id);

private:
    struct Stored {
        std::string file_name;
        int64_t bytes;
    };
    eventlog::EventLog read(const std::string& tenant_id, const DatasetUpload& upload,
                            importers::ImportReport& report);
    Stored store_log(const std::string& tenant_id, const std::string& dataset_id,
                     const eventlog::EventLog& log);
    void fill_from_log(storage::DatasetRecord& dataset, const eventlog::EventLog& log,
                       const importers::ImportReport& report, const DatasetUpload& upload);

    storage::Store& store_;
    storage::TenantStorage& tenant_storage_;
    ProjectCache& projects_;
    DatasetCache& datasets_;
};

}  // namespace pmstudio::services
