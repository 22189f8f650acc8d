#pragma once

#include <optional>
#include <string>

#include "api/request.h"
#include "services/paging.h"

namespace pmstudio::api {

// page/pageSize from the query: defaults 1 and 50; page_size above `max_page_size` is capped;
// non-numbers and values below 1 are a 400 naming the parameter.
services::PageRequest page_from_query(const Request& request, int64_t max_page_size);

// A boolean query parameter ("true"/"false", any case; "1"/"0"); absent gives `fallback`.
bool bool_from_query(const Request& request, const std::string& name, bool fallback);

// A non-empty string query parameter, or nullopt.
std::optional<std::string> string_from_query(const Request& request, const std::string& name);

}  // namespace pmstudio::api
