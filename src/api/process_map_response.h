#pragma once

#include <string>

#include "api/request.h"
#include "api/response.h"
#include "services/process_map_svg.h"

namespace pmstudio::api {

// The request's ?label=count|duration (default count); 400 for another value.
services::EdgeLabel edge_label(const Request& request);

// A process map result envelope laid out by Graphviz as an image/svg+xml answer. 400 when the
// envelope holds no process map (no Nodes and Edges tables).
Response process_map_svg_response(const std::string& envelope, services::EdgeLabel label);

}  // namespace pmstudio::api
