#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "services/api_key_service.h"
#include "services/caller.h"
#include "storage/store.h"

namespace pmstudio::services {

// A session just opened: the secret goes into the browser's cookie and nowhere else.
struct OpenedSession {
    std::string secret;
    std::chrono::seconds lifetime;
    Caller caller;
};

// Browser sign-in with an API key. The key is checked once, at sign-in; the session stores only a
// hash of its own secret and ends at its expiry, at sign-out, when the key is revoked or when the
// key's tenant is disabled.
class WebSessionService {
public:
    static constexpr std::chrono::hours kLifetime{12};

    WebSessionService(storage::Store& store, ApiKeyService& api_keys)
        : store_(store), api_keys_(api_keys) {}

    // nullopt when the key is unknown or its tenant is disabled.
    std::optional<OpenedSession> sign_in(const std::string& api_key);
    // The signed-in caller, if the session is live.
    std::optional<Caller> caller(const std::string& secret);
    void sign_out(const std::string& secret);

private:
    storage::Store& store_;
    ApiKeyService& api_keys_;
};

}  // namespace pmstudio::services
