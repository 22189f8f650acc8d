#pragma once

#include "api/router.h"
#include "web/asset_catalog.h"

namespace pmstudio::api {

// GET /assets/{fileName}: the front end's bundled scripts and styles, compiled into the binary.
// With the ?v= of the current build (as the pages link them) they are cacheable for a year;
// otherwise browsers revalidate with the ETag (304 when unchanged).
void register_web_asset_routes(Router& router, const web::AssetCatalog& assets);

}  // namespace pmstudio::api
