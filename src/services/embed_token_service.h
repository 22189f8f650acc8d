#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/dashboard_service.h"
#include "storage/store.h"

namespace pmstudio::services {

struct IssuedEmbedToken {
    storage::EmbedTokenRecord record;
    std::string token;  // given once; the store keeps the record, never the token
};

// What a valid embed token lets a page show: one dashboard.
struct EmbedGrant {
    storage::EmbedTokenRecord record;
    storage::LocatedDashboard dashboard;
};

// Embed tokens: `{tokenId}.{expiry as Unix seconds}.{HMAC-SHA256}`, signed with a key the server
// makes once and keeps in the store. The listing shows token ids, so the signature is what makes
// a token unforgeable; the stored record makes it revocable before it expires.
class EmbedTokenService {
public:
    static constexpr int64_t kDefaultMinutes = int64_t{24} * 60;
    static constexpr int64_t kMaxMinutes = int64_t{366} * 24 * 60;

    EmbedTokenService(storage::Store& store, DashboardService& dashboards)
        : store_(store), dashboards_(dashboards) {}

    // expires_in_minutes: 1..kMaxMinutes, kDefaultMinutes when absent.
    IssuedEmbedToken issue(const Caller& caller, const std::string& tenant_id,
                           const std::string& project_id, const std::string& dashboard_id,
                           std::optional<int64_t> expires_in_minutes);
    std::vector<storage::EmbedTokenRecord> list(const std::string& tenant_id,
                                                const std::string& project_id,
                                                const std::string& dashboard_id);
    void revoke(const std::string& tenant_id, const std::string& project_id,
                const std::string& dashboard_id, const std::string& token_id);

    // Throws ServiceError Unauthorized naming why the token does not grant a dashboard
    // (malformed, wrongly signed, unknown, expired, revoked).
    EmbedGrant verify(const std::string& token);

private:
    std::string signature(const std::string& token_id, const std::string& dashboard_id,
                          int64_t expires_epoch_seconds);
    // The store's signing key, read (or made) once.
    const std::string& signing_key();

    storage::Store& store_;
    DashboardService& dashboards_;
    std::once_flag signing_key_loaded_;
    std::string signing_key_;
};

}  // namespace pmstudio::services
