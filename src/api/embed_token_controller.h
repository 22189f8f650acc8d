#pragma once

#include "api/router.h"
#include "services/embed_token_service.h"

namespace pmstudio::api {

// pmstudio's embed tokens of a dashboard (issue, list, revoke): the token authorises
// /embed/dashboard/{dashboardId}?token=… and nothing else.
void register_embed_token_routes(Router& router, services::EmbedTokenService& embed_tokens);

}  // namespace pmstudio::api
