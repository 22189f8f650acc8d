#include "services/project_thumbnail_service.h"

#include <fmt/format.h>

#include "common/base64.h"
#include "common/service_error.h"
#include "services/project_lookup.h"
#include "services/thumbnail_image.h"

namespace pmstudio::services {

std::optional<std::string> ProjectThumbnailService::get(const std::string& tenant_id,
                                                        const std::string& project_id) {
    use_project(store_, cache_, tenant_id, project_id);
    auto thumbnail = store_.project_thumbnails().find(project_id);
    if (!thumbnail) return std::nullopt;
    return fmt::format("data:{};base64,{}", thumbnail->mime_type, base64_encode(thumbnail->image));
}

void ProjectThumbnailService::put(const std::string& tenant_id, const std::string& project_id,
                                  const std::string& base64_image) {
    store_.transaction([&] {
        use_project(store_, cache_, tenant_id, project_id);
        store_.project_thumbnails().put(project_id, parse_thumbnail_image(base64_image));
    });
}

void ProjectThumbnailService::remove(const std::string& tenant_id, const std::string& project_id) {
    use_project(store_, cache_, tenant_id, project_id);
    if (!store_.project_thumbnails().remove(project_id)) {
        throw ServiceError(ErrorKind::NotFound, "Project has no thumbnail")
            .with("projectId", project_id);
    }
}

}  // namespace pmstudio::services
