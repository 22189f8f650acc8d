#include "api/web_asset_controller.h"

#include <fmt/format.h>

namespace pmstudio::api {

void register_web_asset_routes(Router& router, const web::AssetCatalog& assets) {
    router.add({.method = "GET",
                .pattern = "/assets/{fileName}",
                .tag = "Pages",
                .summary = "A script or style of the dashboard pages (bundled at build time)",
                .access = Access::Public,
                .responses = {{200, "The file"}, {304, "Not modified"}, {404, "No such asset"}}},
               [&assets](Request& request) {
                   const auto& name = request.param("fileName");
                   const web::Asset* asset = assets.find(name);
                   if (asset == nullptr) {
                       return Response::error(404, fmt::format("No asset named '{}'", name));
                   }
                   const std::string etag = "\"" + asset->version + "\"";
                   Response response;
                   response.headers.emplace_back("ETag", etag);
                   response.headers.emplace_back("Cache-Control",
                                                 request.query_param("v") == asset->version
                                                     ? "public, max-age=31536000, immutable"
                                                     : "public, no-cache");
                   response.headers.emplace_back("X-Content-Type-Options", "nosniff");
                   response.content_type = asset->content_type;
                   if (request.header("If-None-Match") == etag) {
                       response.status = 304;
                       return response;
                   }
                   response.body = std::string(asset->content);
                   return response;
               });
}

}  // namespace pmstudio::api
