#include "api/query_params.h"

#include <fmt/format.h>
#include <strings.h>

#include <charconv>

#include "common/service_error.h"

namespace pmstudio::api {
namespace {

int64_t positive_integer(const Request& request, const char* name, int64_t fallback) {
    auto text = request.query_param(name);
    if (!text || text->empty()) return fallback;
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < 1) {
        throw ServiceError::validation({fmt::format(
            "Query parameter '{}' must be a positive integer, got '{}'", name, *text)});
    }
    return value;
}

}  // namespace

services::PageRequest page_from_query(const Request& request, int64_t max_page_size) {
    services::PageRequest page;
    page.page = positive_integer(request, "page", 1);
    page.page_size = std::min(positive_integer(request, "pageSize", 50), max_page_size);
    return page;
}

bool bool_from_query(const Request& request, const std::string& name, bool fallback) {
    auto text = request.query_param(name);
    if (!text || text->empty()) return fallback;
    if (strcasecmp(text->c_str(), "true") == 0 || *text == "1") return true;
    if (strcasecmp(text->c_str(), "false") == 0 || *text == "0") return false;
    throw ServiceError::validation(
        {fmt::format("Query parameter '{}' must be true or false, got '{}'", name, *text)});
}

std::optional<std::string> string_from_query(const Request& request, const std::string& name) {
    auto text = request.query_param(name);
    if (!text || text->empty()) return std::nullopt;
    return text;
}

}  // namespace pmstudio::api
