#include "mining/block_validator.h"

#include <algorithm>
#include <regex>

#include "common/json_lookup.h"
#include "mining/operator_catalog.h"

namespace pmstudio::mining {
namespace {

using Config = nlohmann::json;

// "a, b or c" (each once, in order).
std::string join_distinct(const std::vector<std::string>& names, std::string_view last_separator) {
    std::vector<std::string> distinct;
    for (const auto& name : names)
        if (std::find(distinct.begin(), distinct.end(), name) == distinct.end())
            distinct.push_back(name);
    std::string out;
    for (size_t i = 0; i < distinct.size(); ++i) {
        if (i > 0) out += i + 1 == distinct.size() ? last_separator : std::string_view(", ");
        out += distinct[i];
    }
    return out;
}

// The keys whose presence marks the simple configuration dialect: the first key of every simple
// form's "when" (filterType, calculationType, alertType).
std::string dialect_keys_text() {
    std::vector<std::string> keys;
    for (const auto& spec : operator_catalog().at("operators"))
        for (const auto& form : simple_forms(spec)) keys.push_back(form.at("when").begin().key());
    return join_distinct(keys, " or ");
}

const Config* find_setting(const Config& configuration, std::string_view name) {
    const Config* value = find_member_ignoring_case(configuration, name);
    return value != nullptr && value->is_null() ? nullptr : value;
}

std::string show(const Config& value) {
    if (!value.is_string()) return value.dump();
    std::string quoted(1, '\'');
    quoted.append(value.get_ref<const std::string&>()).push_back('\'');
    return quoted;
}

// Parses a JSON-in-JSON string; an object or array passes unchanged.
std::optional<Config> unwrap_json_text(const Config& value) {
    if (!value.is_string()) return value;
    Config parsed = Config::parse(value.get<std::string>(), nullptr, false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
}

bool is_datetime(const std::string& text) {
    static const std::regex pattern(
        R"(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)");
    return std::regex_match(text, pattern);
}

bool is_timespan(const std::string& text) {
    static const std::regex pattern(R"(-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?)");
    return std::regex_match(text, pattern);
}

std::string describe_values(const Json& values) {
    bool contiguous = values.front().at("value").is_number_integer();
    for (size_t i = 1; contiguous && i < values.size(); ++i)
        contiguous =
            values[i].at("value").get<int64_t>() == values[i - 1].at("value").get<int64_t>() + 1;
    if (contiguous && values.size() > 2)
        return values.front().at("value").dump() + ".." + values.back().at("value").dump();
    std::string out;
    for (const auto& entry : values) {
        if (!out.empty()) out += ", ";
        const auto& value = entry.at("value");
        out += value.is_string() ? value.get<std::string>() : value.dump();
    }
    return out;
}

bool enum_contains(const Json& values, const Config& value) {
    for (const auto& entry : values) {
        const auto& allowed = entry.at("value");
        if (allowed.is_string() && value.is_string() &&
            iequals(allowed.get_ref<const std::string&>(), value.get_ref<const std::string&>()))
            return true;
        if (allowed.is_number_integer() && value.is_number_integer() &&
            allowed.get<int64_t>() == value.get<int64_t>())
            return true;
    }
    return false;
}

class SettingsChecker {
public:
    SettingsChecker(std::string operator_name, std::vector<std::string>& errors)
        : operator_name_(std::move(operator_name)), errors_(errors) {}

    void check_all(const Json& schema, const Config& configuration, const std::string& prefix) {
        for (const auto& setting : schema) {
            const auto path = prefix + setting.at("name").get<std::string>();
            const Config* value =
                find_setting(configuration, setting.at("name").get<std::string>());
            if (value == nullptr) {
                if (setting.value("required", false)) fail(path, "is required");
                continue;
            }
            const auto& type = setting.at("type").get_ref<const std::string&>();
            if (type == "enum")
                check_enum(path, setting.at("enum").get<std::string>(), *value);
            else if (type == "array")
                check_array(path, setting.at("items").get<std::string>(), *value);
            else
                check_value(path, type, *value);
        }
    }

private:
    void fail(const std::string& path, const std::string& problem) {
        errors_.push_back("Setting '" + path + "' of " + operator_name_ + " " + problem);
    }

    void expect(bool ok, const std::string& path, const std::string& what, const Config& value) {
        if (!ok) fail(path, "must be " + what + ", got " + show(value));
    }

    void check_enum(const std::string& path, const std::string& enumeration, const Config& value) {
        const Json& values = *find_enumeration(enumeration);
        if (!enum_contains(values, value))
            fail(path, "must be one of " + describe_values(values) + ", got " + show(value));
    }

    void check_array(const std::string& path, const std::string& items, const Config& value) {
        if (!value.is_array()) return expect(false, path, "an array", value);
        for (size_t i = 0; i < value.size(); ++i)
            check_value(path + "[" + std::to_string(i) + "]", items, value[i]);
    }

    void check_value(const std::string& path, const std::string& type, const Config& value) {
        if (type == "any") return;
        if (type == "string") return expect(value.is_string(), path, "a string", value);
        if (type == "column")
            return expect(value.is_string() && !value.get_ref<const std::string&>().empty(), path,
                          "a column name", value);
        if (type == "integer") return expect(value.is_number_integer(), path, "an integer", value);
        if (type == "number") return expect(value.is_number(), path, "a number", value);
        if (type == "boolean") return expect(value.is_boolean(), path, "true or false", value);
        if (type == "object") return expect(value.is_object(), path, "an object", value);
        if (type == "datetime")
            return expect(value.is_string() && is_datetime(value.get<std::string>()), path,
                          "an ISO 8601 date or date-time", value);
        if (type == "timespan")
            return expect(
                value.is_number() || (value.is_string() && is_timespan(value.get<std::string>())),
                path, "a timespan ([d.]hh:mm:ss or seconds)", value);
        if (type == "jsonText")
            return expect(value.is_string() && unwrap_json_text(value).has_value(), path,
                          "a string holding JSON", value);
        if (type == "filterList") return check_filter_list(path, value);
        const Json* properties = find_object_type(type);
        if (!value.is_object()) return expect(false, path, "an object (" + type + ")", value);
        check_all(*properties, value, path + ".");
    }

    // {"FilterSettingsList": [{"OperatorName": ..., "JsonText": "<settings JSON>"}]}, itself
    // usually a JSON string; every nested entry must be a valid filter block.
    void check_filter_list(const std::string& path, const Config& value) {
        const auto list = unwrap_json_text(value);
        if (!list || !list->is_object())
            return expect(false, path, "a filter list (a JSON object or a string holding one)",
                          value);
        const Config* filters = find_setting(*list, "FilterSettingsList");
        if (filters == nullptr) return;
        if (!filters->is_array())
            return expect(false, path + ".FilterSettingsList", "an array", *filters);
        for (size_t i = 0; i < filters->size(); ++i) {
            const auto entry_path = path + "[" + std::to_string(i) + "]";
            const Config& entry = (*filters)[i];
            const Config* name = entry.is_object() ? find_setting(entry, "OperatorName") : nullptr;
            if (name == nullptr || !name->is_string()) {
                fail(entry_path, "must name its OperatorName");
                continue;
            }
            const Config* text = find_setting(entry, "JsonText");
            auto nested = check_block(name->get<std::string>(), text ? *text : Config());
            if (nested.match.spec != nullptr && nested.match.spec->at("blockType") != "Filter")
                fail(entry_path, "must be a filter, got " + name->get<std::string>());
            for (const auto& error : nested.errors) fail(entry_path, "is invalid: " + error);
        }
    }

    std::string operator_name_;
    std::vector<std::string>& errors_;
};

// Resolves a simple-dialect configuration by its "when" keys: the first key (filterType,
// calculationType, alertType) picks the candidates, each further key narrows them.
std::optional<OperatorMatch> resolve_by_dialect_keys(const Config& configuration,
                                                     std::vector<std::string>& errors) {
    const Json& operators = operator_catalog().at("operators");
    // The dialect's keys hold words: FilterDate's Studio setting FilterType (an integer) is no
    // filterType although keys match ignoring case.
    const auto names_dialect = [&](const std::string& key) {
        const Config* value = find_setting(configuration, key);
        return value != nullptr && value->is_string();
    };
    std::string first_key;
    for (const auto& spec : operators)
        for (const auto& form : simple_forms(spec))
            if (first_key.empty() && names_dialect(form.at("when").begin().key()))
                first_key = form.at("when").begin().key();
    std::vector<OperatorMatch> candidates;
    for (const auto& spec : operators)
        for (const auto& form : simple_forms(spec))
            if (form.at("when").begin().key() == first_key) candidates.push_back({&spec, &form});
    if (candidates.empty()) return std::nullopt;
    for (size_t level = 0;; ++level) {
        for (const auto& candidate : candidates)
            if (candidate.simple_form->at("when").size() == level) return candidate;
        const std::string key = std::next(candidates.front().simple_form->at("when").begin(),
                                          static_cast<std::ptrdiff_t>(level))
                                    .key();
        const Config* value = find_setting(configuration, key);
        std::vector<OperatorMatch> narrowed;
        std::vector<std::string> allowed;
        for (const auto& candidate : candidates) {
            const auto& expected = std::next(candidate.simple_form->at("when").begin(),
                                             static_cast<std::ptrdiff_t>(level))
                                       .value()
                                       .get_ref<const std::string&>();
            allowed.push_back(expected);
            if (value != nullptr && value->is_string() &&
                iequals(expected, value->get_ref<const std::string&>()))
                narrowed.push_back(candidate);
        }
        if (narrowed.empty()) {
            errors.push_back("Setting '" + key + "' must be one of " +
                             join_distinct(allowed, ", ") + ", got " +
                             (value ? show(*value) : std::string("nothing")));
            return std::nullopt;
        }
        candidates = std::move(narrowed);
    }
}

}  // namespace

BlockValidation check_block(std::string_view operator_name, const Config& configuration) {
    BlockValidation result;
    std::optional<OperatorMatch> named;
    if (!operator_name.empty()) {
        named = resolve_operator_name(operator_name);
        if (!named) {
            result.errors.push_back("Unknown operator '" + std::string(operator_name) + "'");
            return result;
        }
        result.match = *named;
    }
    const auto settings =
        configuration.is_null() ? Config::object() : unwrap_json_text(configuration);
    if (!settings || !settings->is_object()) {
        result.errors.emplace_back("The configuration must be a JSON object");
        return result;
    }
    if (auto by_keys = resolve_by_dialect_keys(*settings, result.errors)) {
        if (named && named->spec != by_keys->spec) {
            result.errors.push_back("Operator '" + std::string(operator_name) +
                                    "' does not match the configuration, which selects " +
                                    by_keys->spec->at("name").get<std::string>());
            return result;
        }
        result.match = *by_keys;
    }
    if (!result.errors.empty()) return result;
    if (result.match.spec == nullptr) {
        result.errors.push_back("The block names no operator: give operatorName or " +
                                dialect_keys_text());
        return result;
    }
    const Json& spec = *result.match.spec;
    const Json* form = result.match.simple_form;
    const Json& schema =
        form != nullptr && form->contains("settings") ? form->at("settings") : spec.at("settings");
    SettingsChecker(spec.at("name").get<std::string>(), result.errors)
        .check_all(schema, *settings, "");
    return result;
}

std::vector<std::string> validate_block(std::string_view operator_name,
                                        const Config& configuration) {
    return check_block(operator_name, configuration).errors;
}

}  // namespace pmstudio::mining
