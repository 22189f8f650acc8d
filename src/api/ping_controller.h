#pragma once

#include "api/router.h"
#include "storage/store.h"

namespace pmstudio::api {

// The Quick Start pings (/api/Action/ping, /api/Action/ping/authenticated) and every
// unauthorized-ping / ping route of the reference, served by one pair of handlers.
void register_ping_routes(Router& router, storage::Store& store);

}  // namespace pmstudio::api
