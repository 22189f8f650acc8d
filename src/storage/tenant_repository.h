#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct TenantRecord {
    std::string id;
    std::string name;
    std::string display_name;
    std::string description;
    int64_t max_users = 0;
    int64_t max_analysts = 0;
    int64_t max_cases = 0;  // -1: unlimited
    std::string time_zone = "UTC";
    bool is_academic = false;
    bool pre_release = false;
    bool autoload = false;
    bool is_disabled = false;
    std::string date_created;
};

// Live figures about a tenant, computed from its children.
struct TenantStats {
    int64_t case_count = 0;
    int64_t user_count = 0;
    int64_t analyst_count = 0;
};

class TenantRepository {
public:
    virtual ~TenantRepository() = default;

    // Throws UniqueConstraintError when the name is taken.
    virtual void insert(const TenantRecord& tenant) = 0;
    virtual std::optional<TenantRecord> find(const std::string& id) = 0;
    // Ordered by creation date, then id.
    virtual std::vector<TenantRecord> list(int64_t offset, int64_t limit) = 0;
    virtual int64_t count() = 0;
    virtual std::vector<std::string> all_ids() = 0;
    virtual TenantStats stats(const std::string& id) = 0;
    virtual void update(const TenantRecord& tenant) = 0;
    // Deletes the tenant and, by cascade, everything it owns. False when it did not exist.
    virtual bool remove(const std::string& id) = 0;
};

}  // namespace pmstudio::storage
