#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

#include "api/http_server.h"

namespace pmstudio::app {

struct ServerOptions {
    api::HttpServerOptions http;
    std::filesystem::path data_dir = ".pmstudio-data";
    int64_t max_tenants = 0;    // licence limit; 0: unlimited
    size_t worker_threads = 2;  // background jobs (asynchronous imports)
    // Block and notebook executions; each execution also uses the cores for its own parallel scans.
    size_t execution_threads = std::max(1U, std::thread::hardware_concurrency());
    std::string log_level = "info";
};

// Files inside a data directory.
std::filesystem::path database_file(const std::filesystem::path& data_dir);
std::filesystem::path admin_key_file(const std::filesystem::path& data_dir);
std::filesystem::path tenant_storage_root(const std::filesystem::path& data_dir);

}  // namespace pmstudio::app
