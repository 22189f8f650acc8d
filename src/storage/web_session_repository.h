#pragma once

#include <optional>
#include <string>

#include "storage/api_key_repository.h"

namespace pmstudio::storage {

struct WebSessionRecord {
    std::string id_hash;  // SHA-256 hex of the cookie's secret; the secret itself is never stored
    std::string key_id;   // the API key the person signed in with
    std::string date_created;
    std::string date_expires;
};

// A session with the key (and its tenant's state) it was opened with.
struct WebSessionIdentity {
    WebSessionRecord session;
    ApiKeyIdentity key;
};

// Browser sign-ins. Deleting an API key deletes its sessions.
class WebSessionRepository {
public:
    virtual ~WebSessionRepository() = default;

    virtual void insert(const WebSessionRecord& session) = 0;
    virtual std::optional<WebSessionIdentity> find(const std::string& id_hash) = 0;
    virtual void remove(const std::string& id_hash) = 0;
    // Deletes the sessions that expired before `now` (ISO 8601 UTC).
    virtual void remove_expired(const std::string& now) = 0;
};

}  // namespace pmstudio::storage
