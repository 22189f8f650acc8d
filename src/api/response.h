#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pmstudio::api {

// Response bodies keep their fields in the order the reference documents them.
using Json = nlohmann::ordered_json;

// The value, or JSON null when absent.
Json optional_json(const std::optional<std::string>& value);

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // When set, the body is this file, streamed in chunks (and deleted afterwards if asked).
    std::filesystem::path body_file;
    bool remove_body_file = false;

    static Response json(int status, const Json& body);
    static Response text(int status, std::string body);
    static Response no_content();  // 204
    // {"error": message} plus any extra documented fields.
    static Response error(int status, const std::string& message,
                          const std::vector<std::pair<std::string, std::string>>& fields = {});
};

}  // namespace pmstudio::api
