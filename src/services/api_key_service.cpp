#include "services/api_key_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/crypto.h"
#include "common/guid.h"
#include "common/service_error.h"

namespace pmstudio::services {
namespace {

constexpr size_t kSecretBytes = 32;  // 256 bits
constexpr const char* kSecretPrefix = "pms_";

std::string tenant_not_found(const std::string& tenant_id) {
    return fmt::format("Tenant with ID '{}' not found", tenant_id);
}

}  // namespace

IssuedApiKey ApiKeyService::issue(const std::optional<std::string>& tenant_id,
                                  const std::string& name) {
    if (tenant_id && !store_.tenants().find(*tenant_id)) {
        throw ServiceError(ErrorKind::NotFound, tenant_not_found(*tenant_id));
    }
    return store_key(tenant_id, name, kSecretPrefix + random_hex(kSecretBytes));
}

IssuedApiKey ApiKeyService::issue_global_with_secret(const std::string& secret,
                                                     const std::string& name) {
    return store_key(std::nullopt, name, secret);
}

IssuedApiKey ApiKeyService::store_key(const std::optional<std::string>& tenant_id,
                                      const std::string& name, const std::string& secret) {
    storage::ApiKeyRecord record{new_guid(), tenant_id, name, sha256_hex(secret), now_iso8601()};
    if (record.name.empty()) {
        record.name =
            fmt::format("{} key {}", tenant_id ? "tenant" : "global", record.id.substr(0, 8));
    }
    store_.api_keys().insert(record);
    return IssuedApiKey{record, secret};
}

std::optional<storage::ApiKeyIdentity> ApiKeyService::authenticate(const std::string& secret) {
    if (secret.empty()) return std::nullopt;
    return store_.api_keys().find_by_hash(sha256_hex(secret));
}

std::vector<storage::ApiKeyRecord> ApiKeyService::list(
    const std::optional<std::string>& tenant_id) {
    if (tenant_id && !store_.tenants().find(*tenant_id)) {
        throw ServiceError(ErrorKind::NotFound, tenant_not_found(*tenant_id));
    }
    return store_.api_keys().list(tenant_id);
}

void ApiKeyService::revoke(const std::optional<std::string>& tenant_id, const std::string& key_id) {
    if (!store_.api_keys().remove(tenant_id, key_id)) {
        throw ServiceError(
            ErrorKind::NotFound,
            tenant_id ? fmt::format("API key '{}' not found in tenant '{}'", key_id, *tenant_id)
                      : fmt::format("Global API key '{}' not found", key_id))
            .with("apiKeyId", key_id);
    }
}

bool ApiKeyService::any_keys_exist() {
    return store_.api_keys().count_all() > 0;
}

}  // namespace pmstudio::services
