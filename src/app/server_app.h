#pragma once

#include "app/server_options.h"

namespace pmstudio::app {

// Opens the store in the data directory, wires services and controllers, prints the URL (and the
// admin key on first start) and serves until SIGTERM/SIGINT, draining in-flight requests.
int run_server(const ServerOptions& options);

}  // namespace pmstudio::app
