#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct ApiKeyRecord {
    std::string id;
    std::optional<std::string> tenant_id;  // empty for a global key
    std::string name;
    std::string key_hash;  // SHA-256 hex of the secret; the secret itself is never stored
    std::string date_created;
};

// A key together with the state of its tenant, as authentication needs it.
struct ApiKeyIdentity {
    ApiKeyRecord key;
    bool tenant_disabled = false;
};

class ApiKeyRepository {
public:
    virtual ~ApiKeyRepository() = default;

    virtual void insert(const ApiKeyRecord& key) = 0;
    virtual std::optional<ApiKeyIdentity> find_by_hash(const std::string& key_hash) = 0;
    // Keys of one tenant, or the global keys when tenant_id is empty; ordered by creation date.
    virtual std::vector<ApiKeyRecord> list(const std::optional<std::string>& tenant_id) = 0;
    // Deletes the key if it belongs to that scope (tenant, or global when empty).
    virtual bool remove(const std::optional<std::string>& tenant_id, const std::string& id) = 0;
    virtual int64_t count_all() = 0;
};

}  // namespace pmstudio::storage
