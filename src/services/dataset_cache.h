#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "eventlog/event_log.h"
#include "services/project_cache.h"
#include "storage/dataset_repository.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

// Event logs of the datasets of loaded projects, kept in memory as long as their project stays in
// the ProjectCache. Logs of projects that are not loaded are read from their files on demand and
// not kept.
class DatasetCache {
public:
    DatasetCache(storage::TenantStorage& tenant_storage, ProjectCache& projects)
        : tenant_storage_(tenant_storage), projects_(projects) {}

    // The current version of a dataset's log.
    std::shared_ptr<const eventlog::EventLog> get(const std::string& tenant_id,
                                                  const storage::DatasetRecord& dataset);
    // Loads every dataset of a freshly loaded project; returns the stored bytes read.
    int64_t load_all(const std::string& tenant_id,
                     const std::vector<storage::DatasetRecord>& datasets);
    // Keeps a just-written version when its project is loaded.
    void put(const std::string& tenant_id, const storage::DatasetRecord& dataset,
             std::shared_ptr<const eventlog::EventLog> log);
    void evict_dataset(const std::string& dataset_id);
    // Frees the logs of a project that was just unloaded.
    void evict_project(const std::string& project_id);
    size_t size();

private:
    struct Entry {
        std::string tenant_id;
        std::string project_id;
        std::string stored_file;
        std::shared_ptr<const eventlog::EventLog> log;
    };
    std::shared_ptr<const eventlog::EventLog> read(const std::string& tenant_id,
                                                   const storage::DatasetRecord& dataset) const;
    // Drops logs whose project left the ProjectCache (expired or unloaded).
    void purge_locked();

    storage::TenantStorage& tenant_storage_;
    ProjectCache& projects_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;  // by dataset id
};

}  // namespace pmstudio::services
