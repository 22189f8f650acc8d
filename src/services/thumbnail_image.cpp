#include "services/thumbnail_image.h"

#include <fmt/format.h>

#include <string>

#include "common/base64.h"
#include "common/service_error.h"
#include "common/text.h"

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

}  // namespace

storage::Thumbnail parse_thumbnail_image(std::string_view base64_image) {
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
    if (bytes->size() > kMaxThumbnailBytes) {
        bad_image(fmt::format("Thumbnail is {} bytes; the maximum is {} bytes (1 MiB)",
                              bytes->size(), kMaxThumbnailBytes));
    }
    const auto actual = detected_type(*bytes);
    if (!declared.empty() && declared != actual) {
        bad_image(
            fmt::format("base64Image is declared as {} but contains {} data", declared, actual));
    }
    return storage::Thumbnail{std::string(actual), std::move(*bytes)};
}

}  // namespace pmstudio::services
