#include "services/embed_token_service.h"

#include <fmt/format.h>

#include <charconv>

#include "common/clock.h"
#include "common/crypto.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/dashboard_panel_rules.h"

namespace pmstudio::services {
namespace {

constexpr size_t kSigningKeyBytes = 32;

ServiceError refused(const std::string& why) {
    return ServiceError(ErrorKind::Unauthorized, why);
}

ServiceError token_not_found(const std::string& token_id) {
    return ServiceError(ErrorKind::NotFound, "Embed token not found")
        .with("TokenId", token_id)
        .written_as(ErrorBody::PascalCase);
}

int64_t epoch_seconds(SystemTime time) {
    return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

struct TokenParts {
    std::string id;
    int64_t expires = 0;
    std::string signature;
};

std::optional<TokenParts> split_token(const std::string& token) {
    const auto first = token.find('.');
    const auto second = first == std::string::npos ? first : token.find('.', first + 1);
    if (second == std::string::npos) return std::nullopt;
    TokenParts parts{token.substr(0, first), 0, token.substr(second + 1)};
    const char* begin = token.data() + first + 1;
    const char* end = token.data() + second;
    const auto [ptr, error] = std::from_chars(begin, end, parts.expires);
    if (error != std::errc() || ptr != end || !is_guid(parts.id)) return std::nullopt;
    return parts;
}

}  // namespace

IssuedEmbedToken EmbedTokenService::issue(const Caller& caller, const std::string& tenant_id,
                                          const std::string& project_id,
                                          const std::string& dashboard_id,
                                          std::optional<int64_t> expires_in_minutes) {
    const int64_t minutes = expires_in_minutes.value_or(kDefaultMinutes);
    if (minutes < 1 || minutes > kMaxMinutes) {
        throw dashboard_validation_error(
            fmt::format("ExpiresInMinutes must be between 1 and {}, got {}", kMaxMinutes, minutes));
    }
    dashboards_.get(tenant_id, project_id, dashboard_id);
    const auto now = std::chrono::system_clock::now();
    const auto expires =
        std::chrono::time_point_cast<std::chrono::seconds>(now + std::chrono::minutes(minutes));
    IssuedEmbedToken issued{
        storage::EmbedTokenRecord{new_guid(), dashboard_id, caller.audit_name(),
                                  format_iso8601(now), format_iso8601(expires), std::nullopt},
        {}};
    issued.token = fmt::format("{}.{}.{}", issued.record.id, epoch_seconds(expires),
                               signature(issued.record.id, dashboard_id, epoch_seconds(expires)));
    store_.embed_tokens().insert(issued.record);
    return issued;
}

std::vector<storage::EmbedTokenRecord> EmbedTokenService::list(const std::string& tenant_id,
                                                               const std::string& project_id,
                                                               const std::string& dashboard_id) {
    dashboards_.get(tenant_id, project_id, dashboard_id);
    return store_.embed_tokens().list(dashboard_id);
}

void EmbedTokenService::revoke(const std::string& tenant_id, const std::string& project_id,
                               const std::string& dashboard_id, const std::string& token_id) {
    dashboards_.get(tenant_id, project_id, dashboard_id);
    const auto token = store_.embed_tokens().find(token_id);
    if (!token || token->dashboard_id != dashboard_id) throw token_not_found(token_id);
    store_.embed_tokens().revoke(token_id, now_iso8601());
}

EmbedGrant EmbedTokenService::verify(const std::string& token) {
    if (token.empty()) throw refused("This page needs an embed token (?token=…)");
    const auto parts = split_token(token);
    if (!parts) throw refused("The embed token is malformed");
    const auto record = store_.embed_tokens().find(parts->id);
    const auto expires = record ? parse_iso8601(record->date_expires) : std::nullopt;
    if (!record || !expires || epoch_seconds(*expires) != parts->expires ||
        !constant_time_equals(parts->signature,
                              signature(parts->id, record->dashboard_id, parts->expires))) {
        throw refused("The embed token is not valid");
    }
    if (record->date_revoked) throw refused("The embed token was revoked");
    if (*expires <= std::chrono::system_clock::now()) throw refused("The embed token has expired");
    const auto dashboard = store_.dashboards().locate(record->dashboard_id);
    if (!dashboard) throw refused("The embed token's dashboard no longer exists");
    return EmbedGrant{*record, *dashboard};
}

std::string EmbedTokenService::signature(const std::string& token_id,
                                         const std::string& dashboard_id,
                                         int64_t expires_epoch_seconds) {
    return hmac_sha256_hex(signing_key(), fmt::format("pmstudio-embed|{}|{}|{}", token_id,
                                                      dashboard_id, expires_epoch_seconds));
}

const std::string& EmbedTokenService::signing_key() {
    std::call_once(signing_key_loaded_, [this] {
        signing_key_ =
            store_.embed_tokens().signing_key([] { return random_hex(kSigningKeyBytes); });
    });
    return signing_key_;
}

}  // namespace pmstudio::services
