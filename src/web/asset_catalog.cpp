#include "web/asset_catalog.h"

#include <array>
#include <stdexcept>
#include <utility>

#include "common/crypto.h"

namespace pmstudio::web {

std::string content_type_for(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kTypes = {{
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".html", "text/html; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".map", "application/json; charset=utf-8"},
        {".woff2", "font/woff2"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (name.ends_with(extension)) return std::string(type);
    }
    return "application/octet-stream";
}

AssetCatalog::AssetCatalog(const std::vector<WebFile>& files) {
    constexpr size_t kVersionLength = 16;
    for (const auto& file : files) {
        assets_.emplace(std::string(file.name),
                        Asset{file.content, content_type_for(file.name),
                              sha256_hex(file.content).substr(0, kVersionLength)});
    }
}

const Asset* AssetCatalog::find(std::string_view name) const {
    const auto found = assets_.find(name);
    return found == assets_.end() ? nullptr : &found->second;
}

std::string AssetCatalog::url(std::string_view name) const {
    const Asset* asset = find(name);
    if (asset == nullptr) {
        throw std::logic_error("the web bundle has no file " + std::string(name));
    }
    return "/assets/" + std::string(name) + "?v=" + asset->version;
}

}  // namespace pmstudio::web
