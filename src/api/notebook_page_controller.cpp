#include "api/notebook_page_controller.h"

#include <fmt/format.h>

namespace pmstudio::api {

void register_notebook_page_route(Router& router) {
    router.add(
        {.method = "GET",
         .pattern = "/investigation/{tenantId}/{projectId}/{investigationId}/notebook/{notebookId}",
         .tag = "Pages",
         .summary = "The page behind a notebook's shareable URL (HTML)",
         .access = Access::Public,
         .responses = {{200, "An HTML page"}}},
        [](Request& request) {
            const auto& tenant = request.param("tenantId");
            const auto& project = request.param("projectId");
            const auto& notebook = request.param("notebookId");
            Response response;
            response.content_type = "text/html; charset=utf-8";
            response.body = fmt::format(
                R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Notebook {2} - pmstudio</title></head>
<body>
<h1>pmstudio notebook</h1>
<p>The notebook view comes later: pmstudio does not have a notebook page yet.</p>
<p>Until then, read this notebook and its blocks through the API with an API key of the tenant:</p>
<pre>GET /api/{0}/{1}/notebook/{2}
GET /api/{0}/{1}/notebook/{2}/blocks</pre>
</body></html>
)",
                tenant, project, notebook);
            return response;
        });
}

}  // namespace pmstudio::api
