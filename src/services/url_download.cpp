#include "services/url_download.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <strings.h>

#include <cstdio>
#include <memory>

#include "importers/import_report.h"

namespace pmstudio::services {
namespace {

using importers::ImportError;

struct Sink {
    FILE* file;
    int64_t written = 0;
    int64_t max_bytes;
};

size_t write_chunk(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const size_t bytes = size * count;
    sink->written += static_cast<int64_t>(bytes);
    if (sink->written > sink->max_bytes) return 0;  // aborts the transfer
    return std::fwrite(data, 1, bytes, sink->file);
}

}  // namespace

int64_t download_url(const std::string& url, const std::filesystem::path& target,
                     int64_t max_bytes) {
    if (strncasecmp(url.c_str(), "http://", 7) != 0 &&
        strncasecmp(url.c_str(), "https://", 8) != 0) {
        throw ImportError(400, fmt::format("fileUrl must be an http or https URL, got '{}'", url));
    }
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(target.c_str(), "wb"),
                                                       std::fclose);
    if (!curl || !file) throw std::runtime_error("cannot prepare the download");
    Sink sink{file.get(), 0, max_bytes};
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl.get(), CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, write_chunk);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(curl.get());
    if (sink.written > max_bytes) {
        throw ImportError(
            413,
            fmt::format("The file at fileUrl exceeds the limit of {} bytes (1 GB)", max_bytes));
    }
    if (code != CURLE_OK) {
        throw ImportError(400, fmt::format("Downloading fileUrl failed: {}",
                                           *error ? error : curl_easy_strerror(code)));
    }
    return sink.written;
}

}  // namespace pmstudio::services
