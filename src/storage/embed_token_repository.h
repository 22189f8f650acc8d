#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct EmbedTokenRecord {
    std::string id;
    std::string dashboard_id;
    std::string created_by;
    std::string date_created;
    std::string date_expires;
    std::optional<std::string> date_revoked;
};

// Embed tokens of dashboards (deleted with their dashboard) and the key that signs them.
class EmbedTokenRepository {
public:
    virtual ~EmbedTokenRepository() = default;

    virtual void insert(const EmbedTokenRecord& token) = 0;
    virtual std::optional<EmbedTokenRecord> find(const std::string& token_id) = 0;
    // The dashboard's tokens, newest first.
    virtual std::vector<EmbedTokenRecord> list(const std::string& dashboard_id) = 0;
    // Sets date_revoked if the token is not revoked yet; false when it was.
    virtual bool revoke(const std::string& token_id, const std::string& when) = 0;
    // The signing key: the stored one, or `make()`'s, stored on first use.
    virtual std::string signing_key(const std::function<std::string()>& make) = 0;
};

}  // namespace pmstudio::storage
