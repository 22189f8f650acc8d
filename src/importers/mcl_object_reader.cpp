#include "importers/mcl_object_reader.h"

#include <algorithm>
#include <cctype>

#include "common/json_lookup.h"
#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {}  // namespace

void fail_mcl(const std::string& path, const std::string& problem) {
    throw ImportError(400,
                      "MCL " + (path.empty() ? std::string("document") : path) + ": " + problem);
}

std::string json_error_text(const std::exception& error) {
    const std::string_view text = error.what();
    const size_t end_of_prefix = text.find("] ");
    return std::string(end_of_prefix == std::string_view::npos ? text
                                                               : text.substr(end_of_prefix + 2));
}

McObjectReader::McObjectReader(const McJson& object, std::string path)
    : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) {
        fail_mcl(path_, std::string("expected an object, got ") + object_.type_name());
    }
}

std::string McObjectReader::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool McObjectReader::has(std::string_view key) const {
    return find_member_ignoring_case(object_, key) != nullptr;
}

const McJson* McObjectReader::find(std::string_view key) {
    const McJson* found = nullptr;
    for (const auto& item : object_.items()) {
        if (!iequals(item.key(), key)) continue;
        if (found != nullptr) fail_mcl(path_of(key), "the key occurs twice (ignoring case)");
        found = &item.value();
        read_keys_.push_back(item.key());
    }
    return found;
}

void McObjectReader::fail_type(std::string_view key, const std::string& expected,
                               const McJson& got) const {
    fail_mcl(path_of(key), "expected " + expected + ", got " + got.type_name());
}

std::string McObjectReader::required_text(std::string_view key) {
    const McJson* value = find(key);
    if (value == nullptr) fail_mcl(path_of(key), "missing");
    if (!value->is_string()) fail_type(key, "a string", *value);
    return value->get<std::string>();
}

std::optional<std::string> McObjectReader::text(std::string_view key) {
    const McJson* value = find(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_string()) fail_type(key, "a string", *value);
    return value->get<std::string>();
}

std::optional<int64_t> McObjectReader::integer(std::string_view key) {
    const McJson* value = find(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_number_integer()) fail_type(key, "an integer", *value);
    return value->get<int64_t>();
}

std::optional<double> McObjectReader::number(std::string_view key) {
    const McJson* value = find(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_number()) fail_type(key, "a number", *value);
    return value->get<double>();
}

std::optional<bool> McObjectReader::boolean(std::string_view key) {
    const McJson* value = find(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_boolean()) fail_type(key, "true or false", *value);
    return value->get<bool>();
}

McJson McObjectReader::raw(std::string_view key) {
    const McJson* value = find(key);
    return value == nullptr ? McJson() : *value;
}

McEmbeddedJson McObjectReader::embedded(std::string_view key, const std::string& owner) {
    const McJson* value = find(key);
    if (value == nullptr || value->is_null()) return {};
    if (!value->is_string()) fail_type(key, "a string holding JSON", *value);
    McEmbeddedJson result{McJson(), value->get<std::string>()};
    try {
        result.value = McJson::parse(result.text);
    } catch (const McJson::parse_error& error) {
        fail_mcl(path_of(key),
                 "the settings of " + owner + " are not JSON: " + json_error_text(error));
    }
    return result;
}

McJson McObjectReader::rest() const {
    McJson rest = McJson::object();
    for (const auto& item : object_.items()) {
        if (std::ranges::find(read_keys_, item.key()) == read_keys_.end()) {
            rest[item.key()] = item.value();
        }
    }
    return rest;
}

}  // namespace pmstudio::importers
