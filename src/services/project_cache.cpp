#include "services/project_cache.h"

namespace pmstudio::services {

ProjectCache::ProjectCache(std::chrono::seconds ttl, std::function<Clock::time_point()> now)
    : ttl_(ttl), now_(std::move(now)) {}

void ProjectCache::expire_locked(Clock::time_point now) {
    for (auto it = last_use_.begin(); it != last_use_.end();) {
        it = (now - it->second >= ttl_) ? last_use_.erase(it) : std::next(it);
    }
}

bool ProjectCache::load(const std::string& tenant_id, const std::string& project_id) {
    const auto now = now_();
    std::lock_guard lock(mutex_);
    expire_locked(now);
    auto [it, inserted] = last_use_.insert_or_assign(Key{tenant_id, project_id}, now);
    return !inserted;
}

bool ProjectCache::unload(const std::string& tenant_id, const std::string& project_id) {
    const auto now = now_();
    std::lock_guard lock(mutex_);
    expire_locked(now);
    return last_use_.erase(Key{tenant_id, project_id}) > 0;
}

bool ProjectCache::contains(const std::string& tenant_id, const std::string& project_id) {
    const auto now = now_();
    std::lock_guard lock(mutex_);
    expire_locked(now);
    return last_use_.count(Key{tenant_id, project_id}) > 0;
}

void ProjectCache::touch(const std::string& tenant_id, const std::string& project_id) {
    const auto now = now_();
    std::lock_guard lock(mutex_);
    auto it = last_use_.find(Key{tenant_id, project_id});
    if (it != last_use_.end() && now - it->second < ttl_) it->second = now;
}

void ProjectCache::evict_tenant(const std::string& tenant_id) {
    std::lock_guard lock(mutex_);
    for (auto it = last_use_.begin(); it != last_use_.end();) {
        it = it->first.first == tenant_id ? last_use_.erase(it) : std::next(it);
    }
}

size_t ProjectCache::size() {
    const auto now = now_();
    std::lock_guard lock(mutex_);
    expire_locked(now);
    return last_use_.size();
}

}  // namespace pmstudio::services
