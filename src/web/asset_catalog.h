#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/web_files.h"

namespace pmstudio::web {

// One servable file: its bytes, Content-Type and version (the start of its SHA-256), which is
// its ETag and the ?v= of the URLs pages use, so a new build's file has a new URL.
struct Asset {
    std::string_view content;
    std::string content_type;
    std::string version;
};

// The static files pmstudio serves under /assets/ (no file system access at run time).
class AssetCatalog {
public:
    explicit AssetCatalog(const std::vector<WebFile>& files);

    // The asset of that file name, or nullptr.
    const Asset* find(std::string_view name) const;
    // "/assets/{name}?v={version}"; throws std::logic_error for a file that is not bundled.
    std::string url(std::string_view name) const;

private:
    std::map<std::string, Asset, std::less<>> assets_;
};

// The Content-Type of a file name by its extension (application/octet-stream when unknown).
std::string content_type_for(std::string_view name);

}  // namespace pmstudio::web
