#include "api/project_thumbnail_controller.h"

#include "api/json_body.h"
#include "common/service_error.h"

namespace pmstudio::api {

void register_project_thumbnail_routes(Router& router,
                                       services::ProjectThumbnailService& thumbnails) {
    router.add({.method = "GET",
                .pattern = "/api/{tenantId}/project/{projectId}/thumbnail",
                .tag = "Project",
                .summary = "Get the project's thumbnail as a data URI",
                .responses = {{200, "{projectId, hasThumbnail, base64Image}"},
                              {404, "Project not found"}}},
               [&thumbnails](Request& request) {
                   const auto& project_id = request.param("projectId");
                   const auto image = thumbnails.get(request.param("tenantId"), project_id);
                   return Response::json(200, Json{{"projectId", project_id},
                                                   {"hasThumbnail", image.has_value()},
                                                   {"base64Image", image ? Json(*image) : Json()}});
               });

    router.add({.method = "POST",
                .pattern = "/api/{tenantId}/project/{projectId}/thumbnail",
                .tag = "Project",
                .summary = "Set the thumbnail: a PNG or JPEG data URI of at most 1 MiB",
                .has_json_body = true,
                .responses = {{200, "{message}"},
                              {400, "Missing, malformed or unsupported image"},
                              {404, "Project not found"}}},
               [&thumbnails](Request& request) {
                   const auto image = JsonBody::parse(request.body).string("base64Image");
                   if (!image || image->empty()) {
                       throw ServiceError::validation({"base64Image is required"});
                   }
                   thumbnails.put(request.param("tenantId"), request.param("projectId"), *image);
                   return Response::json(200, Json{{"message", "Thumbnail updated successfully"}});
               });

    router.add(
        {.method = "DELETE",
         .pattern = "/api/{tenantId}/project/{projectId}/thumbnail",
         .tag = "Project",
         .summary = "Remove the project's thumbnail",
         .responses = {{200, "{message}"}, {404, "Project not found, or it has no thumbnail"}}},
        [&thumbnails](Request& request) {
            thumbnails.remove(request.param("tenantId"), request.param("projectId"));
            return Response::json(200, Json{{"message", "Thumbnail removed successfully"}});
        });
}

}  // namespace pmstudio::api
