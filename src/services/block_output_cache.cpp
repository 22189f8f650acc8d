#include "services/block_output_cache.h"

namespace pmstudio::services {

std::shared_ptr<const CachedBlockOutput> BlockOutputCache::find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second.position);
    return it->second.output;
}

void BlockOutputCache::put(const std::string& key,
                           std::shared_ptr<const CachedBlockOutput> output) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
        it->second.output = std::move(output);
        order_.splice(order_.begin(), order_, it->second.position);
        return;
    }
    order_.push_front(key);
    entries_.emplace(key, Entry{std::move(output), order_.begin()});
    while (entries_.size() > capacity_) {
        entries_.erase(order_.back());
        order_.pop_back();
    }
}

size_t BlockOutputCache::size() {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace pmstudio::services
