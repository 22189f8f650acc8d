#include "services/web_session_service.h"

#include "common/clock.h"
#include "common/crypto.h"

namespace pmstudio::services {
namespace {

constexpr size_t kSecretBytes = 32;

Caller caller_of(const storage::ApiKeyRecord& key) {
    return Caller{key.id, key.name, key.tenant_id};
}

}  // namespace

std::optional<OpenedSession> WebSessionService::sign_in(const std::string& api_key) {
    const auto identity = api_keys_.authenticate(api_key);
    if (!identity || identity->tenant_disabled) return std::nullopt;
    const auto now = std::chrono::system_clock::now();
    OpenedSession opened{random_hex(kSecretBytes), kLifetime, caller_of(identity->key)};
    store_.transaction([&] {
        store_.web_sessions().remove_expired(format_iso8601(now));
        store_.web_sessions().insert(
            storage::WebSessionRecord{sha256_hex(opened.secret), identity->key.id,
                                      format_iso8601(now), format_iso8601(now + opened.lifetime)});
    });
    return opened;
}

std::optional<Caller> WebSessionService::caller(const std::string& secret) {
    if (secret.empty()) return std::nullopt;
    const auto found = store_.web_sessions().find(sha256_hex(secret));
    if (!found || found->key.tenant_disabled) return std::nullopt;
    const auto expires = parse_iso8601(found->session.date_expires);
    if (!expires || *expires <= std::chrono::system_clock::now()) return std::nullopt;
    return caller_of(found->key.key);
}

void WebSessionService::sign_out(const std::string& secret) {
    if (!secret.empty()) store_.web_sessions().remove(sha256_hex(secret));
}

}  // namespace pmstudio::services
