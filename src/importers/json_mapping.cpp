#include "importers/json_mapping.h"

#include <strings.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {

[[noreturn]] void invalid(const std::string& message) {
    throw ImportError(400, "Invalid JSON mapping: " + message);
}

// "$.cases[*].events[*].order['amount']" (or "order.amount") → "order.amount".
std::string property_of(const std::string& json_path) {
    std::string_view path(json_path);
    std::string dotted;
    if (path.starts_with('$')) {
        path.remove_prefix(1);
    } else if (!path.starts_with('[')) {
        dotted = "." + json_path;
        path = dotted;
    }
    std::vector<std::string_view> steps;
    size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '.') {
            const size_t end = std::min(path.find_first_of(".[", pos + 1), path.size());
            steps.push_back(path.substr(pos + 1, end - pos - 1));
            pos = end;
        } else if (path.substr(pos).starts_with("[*]") && !steps.empty()) {
            steps.pop_back();  // the array's own name: its elements' properties are the columns
            pos += 3;
        } else if (path.substr(pos).starts_with("['") || path.substr(pos).starts_with("[\"")) {
            const char close[] = {path[pos + 1], ']', '\0'};
            const size_t end = path.find(close, pos + 2);
            if (end == std::string_view::npos) break;
            steps.push_back(path.substr(pos + 2, end - pos - 2));
            pos = end + 2;
        } else {
            break;
        }
    }
    std::string property;
    for (const std::string_view step : steps) {
        property.append(property.empty() ? "" : ".").append(step);
    }
    if (pos < path.size() || property.empty() ||
        std::find(steps.begin(), steps.end(), "") != steps.end()) {
        invalid("cannot read jsonPath '" + json_path + "'");
    }
    return property;
}

JsonDataType data_type_of(const std::string& name) {
    static const std::pair<const char*, JsonDataType> kTypes[] = {
        {"string", JsonDataType::String},
        {"integer", JsonDataType::Integer},
        {"double", JsonDataType::Double},
        {"boolean", JsonDataType::Boolean},
        {"datetime", JsonDataType::DateTime}};
    for (const auto& [text, type] : kTypes) {
        if (strcasecmp(name.c_str(), text) == 0) return type;
    }
    invalid("unknown dataType '" + name + "' (string, integer, double, boolean, datetime)");
}

std::string text_field(const nlohmann::json& entry, const char* name) {
    const auto found = entry.find(name);
    if (found == entry.end() || found->is_null()) return "";
    if (!found->is_string()) invalid(std::string(name) + " must be a string");
    return found->get<std::string>();
}

}  // namespace

std::vector<JsonMapping> parse_json_mapping(std::string_view json) {
    const nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    if (document.is_discarded()) invalid("not JSON");
    const nlohmann::json& entries =
        document.is_object() && document.contains("mapping") ? document["mapping"] : document;
    if (!entries.is_array()) invalid("expected an array of {jsonPath, targetColumn, dataType}");
    std::vector<JsonMapping> mappings;
    for (const nlohmann::json& entry : entries) {
        if (!entry.is_object()) invalid("each entry must be an object");
        const std::string path = text_field(entry, "jsonPath");
        if (path.empty()) invalid("an entry has no jsonPath");
        JsonMapping mapping;
        mapping.property = property_of(path);
        mapping.target_column = text_field(entry, "targetColumn");
        if (mapping.target_column.empty()) mapping.target_column = mapping.property;
        const std::string type = text_field(entry, "dataType");
        if (!type.empty()) mapping.data_type = data_type_of(type);
        mappings.push_back(std::move(mapping));
    }
    return mappings;
}

}  // namespace pmstudio::importers
