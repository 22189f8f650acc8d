#pragma once

#include <optional>
#include <string>

#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// Project thumbnails, exchanged as data URIs (data:image/png;base64,...) and stored as raw bytes.
class ProjectThumbnailService {
public:
    ProjectThumbnailService(storage::Store& store, ProjectCache& cache)
        : store_(store), cache_(cache) {}

    // The thumbnail as a data URI, or nullopt when the project has none.
    std::optional<std::string> get(const std::string& tenant_id, const std::string& project_id);
    // Accepts a PNG or JPEG data URI, or bare base64 typed by its leading bytes. Anything else is a
    // BadRequest naming the problem, and the previous thumbnail is kept.
    void put(const std::string& tenant_id, const std::string& project_id,
             const std::string& base64_image);
    // NotFound when the project has no thumbnail.
    void remove(const std::string& tenant_id, const std::string& project_id);

private:
    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
