#pragma once

#include "api/dashboard_page_access.h"
#include "services/embed_token_service.h"
#include "services/web_session_service.h"
#include "storage/store.h"

namespace pmstudio::api {

// DashboardPageAccess by the session cookie of /login, or by an embed token.
class DashboardPageAuthorizer final : public DashboardPageAccess {
public:
    DashboardPageAuthorizer(storage::Store& store, services::WebSessionService& sessions,
                            services::EmbedTokenService& embed_tokens)
        : store_(store), sessions_(sessions), embed_tokens_(embed_tokens) {}

    DashboardPageGrant for_session(const Request& request,
                                   const std::string& dashboard_id) override;
    DashboardPageGrant for_embed_token(const Request& request,
                                       const std::string& dashboard_id) override;

private:
    storage::Store& store_;
    services::WebSessionService& sessions_;
    services::EmbedTokenService& embed_tokens_;
};

}  // namespace pmstudio::api
