#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace pmstudio::services {

// Projects loaded into memory for execution (DESIGN §4). An entry expires `ttl` after its last use;
// any API call on the project counts as a use.
class ProjectCache {
public:
    using Clock = std::chrono::steady_clock;

    explicit ProjectCache(std::chrono::seconds ttl = std::chrono::minutes(30),
                          std::function<Clock::time_point()> now = Clock::now);

    // Loads the project; true when it was already in the cache.
    bool load(const std::string& tenant_id, const std::string& project_id);
    // Removes the project; true when it was in the cache.
    bool unload(const std::string& tenant_id, const std::string& project_id);
    bool contains(const std::string& tenant_id, const std::string& project_id);
    // Resets the expiry timer of a cached project; no effect on one that is not cached.
    void touch(const std::string& tenant_id, const std::string& project_id);
    void evict_tenant(const std::string& tenant_id);
    size_t size();

private:
    using Key = std::pair<std::string, std::string>;  // tenant id, project id
    void expire_locked(Clock::time_point now);

    std::chrono::seconds ttl_;
    std::function<Clock::time_point()> now_;
    std::mutex mutex_;
    std::map<Key, Clock::time_point> last_use_;
};

}  // namespace pmstudio::services
