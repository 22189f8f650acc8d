#include "services/project_thumbnail_service.h"

#include <fmt/format.h>

#include <string_view>

#include "common/base64.h"
#include "common/service_error.h"
#include "common/text.h"
#include "services/project_lookup.h"

namespace pmstudio::services {
namespace {

constexpr std::string_view kPng = "image/png";
constexpr std::string_view kJpeg = "image/jpeg";
constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kJpegSignature = "\xFF\xD8\xFF";

[[noreturn]] void bad_image(const std::string& message) {
    throw ServiceError(ErrorKind::BadRequest, message);
}

// The MIME type named by a data URI's header ("image/png" in "data:image/png;base64").
std::string_view declared_type(std::string_view header) {
    constexpr std::string_view kBase64Suffix = ";base64";
    if (header.size() < kBase64Suffix.size() ||
        !iequals(header.substr(header.size() - kBase64Suffix.size()), kBase64Suffix)) {
        bad_image(
            "base64Image must be base64-encoded: data:image/png;base64,... or "
            "data:image/jpeg;base64,...");
    }
    const auto type = header.substr(0, header.size() - kBase64Suffix.size());
    if (iequals(type, kPng)) return kPng;
    if (iequals(type, kJpeg) || iequals(type, "image/jpg")) return kJpeg;
    bad_image(fmt::format("Unsupported image type '{}': only image/png and image/jpeg are accepted",
                          type));
}

std::string_view detected_type(std::string_view bytes) {
    if (bytes.starts_with(kPngSignature)) return kPng;
    if (bytes.starts_with(kJpegSignature)) return kJpeg;
    bad_image("base64Image is not a PNG or JPEG image");
}

storage::Thumbnail parse_image(std::string_view base64_image) {
    constexpr std::string_view kScheme = "data:";
    std::string_view declared;
    std::string_view payload = base64_image;
    if (base64_image.size() >= kScheme.size() &&
        iequals(base64_image.substr(0, kScheme.size()), kScheme)) {
        const auto comma = base64_image.find(',');
        if (comma == std::string_view::npos) bad_image("base64Image is not a valid data URI");
        declared = declared_type(base64_image.substr(kScheme.size(), comma - kScheme.size()));
        payload = base64_image.substr(comma + 1);
    }
    auto bytes = base64_decode(payload);
    if (!bytes) bad_image("base64Image is not valid base64");
    if (bytes->size() > ProjectThumbnailService::kMaxImageBytes) {
        bad_image(fmt::format("Thumbnail is {} bytes; the maximum is {} bytes (1 MiB)",
                              bytes->size(), ProjectThumbnailService::kMaxImageBytes));
    }
    const auto actual = detected_type(*bytes);
    if (!declared.empty() && declared != actual) {
        bad_image(
            fmt::format("base64Image is declared as {} but contains {} data", declared, actual));
    }
    return storage::Thumbnail{std::string(actual), std::move(*bytes)};
}

}  // namespace

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
        store_.project_thumbnails().put(project_id, parse_image(base64_image));
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
