#pragma once

#include <string_view>
#include <vector>

namespace pmstudio::web {

// A file of the front end compiled into the binary by cmake/embed_web_files.cmake.
struct WebFile {
    std::string_view name;  // file name, e.g. dashboard.js
    std::string_view content;
};

// The esbuild bundle of web/src (build/web/dist): JavaScript and CSS served under /assets/.
std::vector<WebFile> bundled_assets();

// The HTML page templates of web/pages.
std::vector<WebFile> bundled_pages();

}  // namespace pmstudio::web
