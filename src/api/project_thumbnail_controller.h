#pragma once

#include "api/router.h"
#include "services/project_thumbnail_service.h"

namespace pmstudio::api {

// Project thumbnails: GET, POST and DELETE /api/{tenantId}/project/{projectId}/thumbnail.
void register_project_thumbnail_routes(Router& router,
                                       services::ProjectThumbnailService& thumbnails);

}  // namespace pmstudio::api
