#pragma once

#include <optional>
#include <string>

namespace pmstudio::storage {

struct Thumbnail {
    std::string mime_type;  // image/png or image/jpeg
    std::string image;      // raw bytes
};

class ProjectThumbnailRepository {
public:
    virtual ~ProjectThumbnailRepository() = default;

    virtual std::optional<Thumbnail> find(const std::string& project_id) = 0;
    // Inserts or replaces.
    virtual void put(const std::string& project_id, const Thumbnail& thumbnail) = 0;
    virtual bool remove(const std::string& project_id) = 0;
};

}  // namespace pmstudio::storage
