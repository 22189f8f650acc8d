#pragma once

#include "api/router.h"
#include "services/web_session_service.h"

namespace pmstudio::api {

// The sign-in page of the dashboard pages: GET /login shows a form that takes an API key,
// POST /login opens a session (HttpOnly cookie) and sends the browser on to `next`,
// POST /logout ends it. The key travels once, in the form body; never in a URL or in storage
// a script can read.
void register_login_page_routes(Router& router, services::WebSessionService& sessions);

}  // namespace pmstudio::api
