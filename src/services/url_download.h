#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace pmstudio::services {

// Downloads an http(s) URL to `target` with libcurl (redirects followed, at most `max_bytes`).
// Returns the size; throws importers::ImportError 400 for other schemes, HTTP errors, transfer
// failures and files over the limit.
int64_t download_url(const std::string& url, const std::filesystem::path& target,
                     int64_t max_bytes);

}  // namespace pmstudio::services
