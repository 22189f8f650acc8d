#pragma once

#include "api/router.h"

namespace pmstudio::api {

// The page a notebook's shareable URL points at. pmstudio has no notebook view yet, so the page
// says so and shows how to reach the notebook through the API; it shows no data (it needs no key).
void register_notebook_page_route(Router& router);

}  // namespace pmstudio::api
