#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "importers/import_options.h"
#include "importers/log_reader.h"
#include "jobs/worker_pool.h"
#include "services/caller.h"
#include "services/dataset_service.h"
#include "storage/store.h"

namespace pmstudio::services {

// Where the data of an asynchronous import comes from: a file already received, or a URL the
// job downloads first (http and https only).
struct ImportSource {
    std::optional<std::filesystem::path> file;  // owned by the import from now on
    std::string url;
    std::string file_name;
    int64_t file_size = 0;
    std::optional<int64_t> line_breaks;          // counted while an upload streamed in
    std::optional<importers::LogFormat> format;  // from the file name when empty
    importers::ImportOptions options;            // an empty mapping means "the dataset's own"
};

// The asynchronous imports of /import and /import/csv: each one replaces an original dataset's
// data on a worker thread; its progress and outcome are rows in the store, so the status route
// answers across restarts (an import cut off by a shutdown is reported Failed).
class DatasetImportService {
public:
    DatasetImportService(storage::Store& store, DatasetService& datasets, jobs::WorkerPool& workers)
        : store_(store), datasets_(datasets), workers_(workers) {}

    // Validates, records the import as Queued and hands it to a worker. Throws ImportError 400
    // when the dataset is missing or not original (as the update routes do).
    storage::DatasetImportRecord start(const Caller& caller, const std::string& tenant_id,
                                       const std::string& project_id, const std::string& dataset_id,
                                       ImportSource source);
    // NotFound when there is no such import for that dataset.
    storage::DatasetImportRecord status(const std::string& tenant_id, const std::string& project_id,
                                        const std::string& dataset_id,
                                        const std::string& import_id);

private:
    void run(const Caller& caller, const std::string& tenant_id, const std::string& project_id,
             storage::DatasetImportRecord record, ImportSource source);

    storage::Store& store_;
    DatasetService& datasets_;
    jobs::WorkerPool& workers_;
};

}  // namespace pmstudio::services
