#pragma once

#include <cstddef>
#include <string_view>

#include "storage/project_thumbnail_repository.h"

namespace pmstudio::services {

constexpr size_t kMaxThumbnailBytes = size_t{1} << 20;

// A thumbnail given as a PNG or JPEG data URI (data:image/png;base64,...) or as bare base64 typed
// by its leading bytes, at most 1 MiB. Anything else is a BadRequest naming the problem.
storage::Thumbnail parse_thumbnail_image(std::string_view base64_image);

}  // namespace pmstudio::services
