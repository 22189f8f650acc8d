#include "api/import_mapping.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "importers/import_report.h"

namespace pmstudio::api {
namespace {

using importers::ImportError;

// "Case_ID", "caseId", "case id" -> "caseid"
std::string key_of(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

std::string* role_target(importers::ColumnMapping& mapping, const std::string& role) {
    if (role == "caseid" || role == "case") return &mapping.case_id;
    if (role == "activity" || role == "activityname") return &mapping.activity;
    if (role == "timestamp" || role == "time" || role == "activitytime") return &mapping.timestamp;
    if (role == "resource") return &mapping.resource;
    if (role == "starttime" || role == "begintime") return &mapping.start_time;
    return nullptr;
}

const nlohmann::json* member(const nlohmann::json& object, const char* name) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (key_of(it.key()) == key_of(name)) return &it.value();
    }
    return nullptr;
}

}  // namespace

void apply_column_mapping(const nlohmann::json& document, importers::ImportOptions& options) {
    if (!document.is_object()) throw ImportError(400, "columnMapping must be a JSON object");
    if (const auto* entries = member(document, "mapping")) {
        if (!entries->is_array()) throw ImportError(400, "columnMapping.mapping must be an array");
        importers::ColumnMapping mapping;
        for (const auto& entry : *entries) {
            const auto* source = entry.is_object() ? member(entry, "sourceColumn") : nullptr;
            if (source == nullptr || !source->is_string()) {
                throw ImportError(400, "every columnMapping.mapping entry needs a sourceColumn");
            }
            const auto* role = member(entry, "role");
            const auto* target = member(entry, "targetColumn");
            std::string* slot = nullptr;
            if (role != nullptr && role->is_string()) slot = role_target(mapping, key_of(*role));
            if (slot == nullptr && target != nullptr && target->is_string()) {
                slot = role_target(mapping, key_of(*target));
            }
            if (slot != nullptr) *slot = source->get<std::string>();
        }
        options.mapping = mapping;
    }
    if (const auto* settings = member(document, "options"); settings != nullptr) {
        if (!settings->is_object())
            throw ImportError(400, "columnMapping.options must be an object");
        if (const auto* header = member(*settings, "hasHeader");
            header != nullptr && header->is_boolean() && !header->get<bool>()) {
            throw ImportError(422,
                              "options.hasHeader false is not supported: the first row must "
                              "name the columns");
        }
        if (const auto* skip = member(*settings, "skipRows");
            skip != nullptr && skip->is_number_integer() && skip->get<int64_t>() > 0) {
            throw ImportError(422, "options.skipRows is not supported");
        }
        if (const auto* delimiter = member(*settings, "delimiter");
            delimiter != nullptr && delimiter->is_string()) {
            const auto text = delimiter->get<std::string>();
            options.delimiter = importers::parse_delimiter(text);
            if (!options.delimiter) {
                throw ImportError(400, fmt::format("options.delimiter must be one character, got "
                                                   "'{}'",
                                                   text));
            }
        }
        if (const auto* encoding = member(*settings, "encoding");
            encoding != nullptr && encoding->is_string()) {
            options.encoding = encoding->get<std::string>();
        }
    }
}

}  // namespace pmstudio::api
