#include "services/dataset_cache.h"

#include "eventlog/binary_format.h"

namespace pmstudio::services {

std::shared_ptr<const eventlog::EventLog> DatasetCache::read(
    const std::string& tenant_id, const storage::DatasetRecord& dataset) const {
    return std::make_shared<const eventlog::EventLog>(eventlog::read_event_log_file(
        tenant_storage_.dataset_directory(tenant_id, dataset.id) / dataset.stored_file));
}

void DatasetCache::purge_locked() {
    for (auto it = entries_.begin(); it != entries_.end();) {
        const bool loaded = projects_.contains(it->second.tenant_id, it->second.project_id);
        it = loaded ? std::next(it) : entries_.erase(it);
    }
}

std::shared_ptr<const eventlog::EventLog> DatasetCache::get(const std::string& tenant_id,
                                                            const storage::DatasetRecord& dataset) {
    {
        std::lock_guard lock(mutex_);
        purge_locked();
        auto found = entries_.find(dataset.id);
        if (found != entries_.end() && found->second.stored_file == dataset.stored_file) {
            return found->second.log;
        }
    }
    auto log = read(tenant_id, dataset);
    put(tenant_id, dataset, log);
    return log;
}

int64_t DatasetCache::load_all(const std::string& tenant_id,
                               const std::vector<storage::DatasetRecord>& datasets) {
    int64_t bytes = 0;
    for (const auto& dataset : datasets) {
        put(tenant_id, dataset, read(tenant_id, dataset));
        bytes += dataset.stored_bytes;
    }
    return bytes;
}

void DatasetCache::put(const std::string& tenant_id, const storage::DatasetRecord& dataset,
                       std::shared_ptr<const eventlog::EventLog> log) {
    std::lock_guard lock(mutex_);
    purge_locked();
    if (!projects_.contains(tenant_id, dataset.project_id)) return;
    entries_[dataset.id] =
        Entry{tenant_id, dataset.project_id, dataset.stored_file, std::move(log)};
}

void DatasetCache::evict_dataset(const std::string& dataset_id) {
    std::lock_guard lock(mutex_);
    entries_.erase(dataset_id);
}

void DatasetCache::evict_project(const std::string& project_id) {
    std::vector<std::shared_ptr<const eventlog::EventLog>> released;
    {
        std::lock_guard lock(mutex_);
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (it->second.project_id == project_id) {
                released.push_back(std::move(it->second.log));
                it = entries_.erase(it);
            } else {
                ++it;
            }
        }
    }
    // `released` frees the logs here, outside the lock.
}

size_t DatasetCache::size() {
    std::lock_guard lock(mutex_);
    purge_locked();
    return entries_.size();
}

}  // namespace pmstudio::services
