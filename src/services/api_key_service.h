#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/store.h"

namespace pmstudio::services {

// A freshly made key: the secret exists only in this value and is never stored.
struct IssuedApiKey {
    storage::ApiKeyRecord record;
    std::string secret;
};

class ApiKeyService {
public:
    explicit ApiKeyService(storage::Store& store) : store_(store) {}

    // A new 256-bit key for the tenant (or a global key when tenant_id is empty). A tenant that
    // does not exist is a NotFound error.
    IssuedApiKey issue(const std::optional<std::string>& tenant_id, const std::string& name);

    // Stores a global key with a secret chosen by the operator (PMSTUDIO_BOOTSTRAP_GLOBAL_KEY).
    IssuedApiKey issue_global_with_secret(const std::string& secret, const std::string& name);

    // The key matching a presented secret, if any.
    std::optional<storage::ApiKeyIdentity> authenticate(const std::string& secret);

    std::vector<storage::ApiKeyRecord> list(const std::optional<std::string>& tenant_id);

    // Revocation is immediate: the next request with that key is refused.
    void revoke(const std::optional<std::string>& tenant_id, const std::string& key_id);

    bool any_keys_exist();

private:
    IssuedApiKey store_key(const std::optional<std::string>& tenant_id, const std::string& name,
                           const std::string& secret);

    storage::Store& store_;
};

}  // namespace pmstudio::services
