#pragma once

#include <string>
#include <string_view>

#include "common/text.h"

// Member names of a project package (.mpz; docs/project-transfer.md).
namespace pmstudio::services::package_layout {

constexpr std::string_view kPackageExtension = ".mpz";
constexpr std::string_view kDocument = "project.mcl";
constexpr std::string_view kOwnDatasetExtension = ".pmslog";  // pmstudio's binary format
constexpr std::string_view kMindzieDatasetExtension = ".mzz";

// Whether a file name ends in .mpz (any case), as the import requires.
inline bool is_package_name(std::string_view file_name) {
    return file_name.size() >= kPackageExtension.size() &&
           iequals(file_name.substr(file_name.size() - kPackageExtension.size()),
                   kPackageExtension);
}

inline std::string dataset_member(const std::string& dataset_id, std::string_view extension) {
    return "datasets/" + dataset_id + std::string(extension);
}

// "blobs/thumbnail.png" or ".jpg", by the image's MIME type.
inline std::string image_member(const std::string& stem, std::string_view mime_type) {
    return "blobs/" + stem + (mime_type == "image/png" ? ".png" : ".jpg");
}

inline std::string template_member(const std::string& template_id) {
    return "blobs/templates/" + template_id + ".mcl";
}

}  // namespace pmstudio::services::package_layout
