#include "mining/operator_registry.h"

#include <algorithm>
#include <cctype>

#include "common/json_lookup.h"
#include "mining/operator_catalog.h"

namespace pmstudio::mining {
namespace {

const Json* find_named(const Json& list, std::string_view name) {
    for (const auto& entry : list)
        if (iequals(entry.at("name").get_ref<const std::string&>(), name)) return &entry;
    return nullptr;
}

const Json* find_key(const Json& object, std::string_view name) {
    return find_member_ignoring_case(object, name);
}

Json expand_settings(const Json& settings);

// A setting of the catalog as the discovery answer shows it: every field explicit, the
// enumeration's values and an object type's properties spelt out.
Json expand_setting(const Json& setting) {
    Json out;
    out["name"] = setting.at("name");
    out["type"] = setting.at("type");
    out["required"] = setting.value("required", false);
    out["default"] = setting.contains("default") ? setting.at("default") : Json();
    if (setting.contains("description")) out["description"] = setting.at("description");
    if (setting.contains("enum")) {
        out["enumeration"] = setting.at("enum");
        out["allowedValues"] = *find_enumeration(setting.at("enum").get<std::string>());
    }
    if (setting.contains("items")) out["items"] = setting.at("items");
    const auto& type = setting.contains("items") ? setting.at("items") : setting.at("type");
    if (const Json* properties = find_object_type(type.get<std::string>()))
        out["properties"] = expand_settings(*properties);
    return out;
}

Json expand_settings(const Json& settings) {
    Json out = Json::array();
    for (const auto& setting : settings) out.push_back(expand_setting(setting));
    return out;
}

Json expand_result(const Json& result) {
    Json out = result;
    out["description"] =
        operator_catalog().at("resultKinds").at(result.at("kind").get<std::string>());
    return out;
}

Json expand_simple_form(const Json& form) {
    Json out;
    out["when"] = form.at("when");
    out["operatorNames"] = form.at("names");
    out["settings"] = form.contains("settings") ? expand_settings(form.at("settings"))
                                                : Json("same as the operator's settings");
    return out;
}

Json expand_operator(const Json& spec) {
    Json out;
    out["blockType"] = spec.at("blockType");
    out["blockTypeId"] = *block_type_id(spec.at("blockType").get<std::string>());
    out["name"] = spec.at("name");
    out["displayName"] = spec.at("displayName");
    out["description"] = spec.at("description");
    out["settings"] = expand_settings(spec.at("settings"));
    out["result"] = expand_result(spec.at("result"));
    Json forms = Json::array();
    for (const auto& form : simple_forms(spec)) forms.push_back(expand_simple_form(form));
    out["simpleForms"] = std::move(forms);
    return out;
}

}  // namespace

const Json& simple_forms(const Json& spec) {
    static const Json none = Json::array();
    return spec.contains("simpleForms") ? spec.at("simpleForms") : none;
}

const Json* find_operator(std::string_view name) {
    return find_named(operator_catalog().at("operators"), name);
}

std::optional<OperatorMatch> resolve_operator_name(std::string_view name) {
    if (const Json* spec = find_operator(name)) return OperatorMatch{spec, nullptr};
    for (const auto& spec : operator_catalog().at("operators"))
        for (const auto& form : simple_forms(spec))
            for (const auto& alias : form.at("names"))
                if (iequals(alias.get_ref<const std::string&>(), name))
                    return OperatorMatch{&spec, &form};
    return std::nullopt;
}

const Json* find_enumeration(std::string_view name) {
    return find_key(operator_catalog().at("enumerations"), name);
}

const Json* find_object_type(std::string_view name) {
    return find_key(operator_catalog().at("objectTypes"), name);
}

std::optional<int> block_type_id(std::string_view block_type) {
    const Json* entry = find_named(operator_catalog().at("blockTypes"), block_type);
    if (entry == nullptr) return std::nullopt;
    return entry->at("id").get<int>();
}

std::optional<std::string> block_type_name(std::string_view block_type) {
    const Json* entry = find_named(operator_catalog().at("blockTypes"), block_type);
    if (entry == nullptr) return std::nullopt;
    return entry->at("name").get<std::string>();
}

std::optional<std::string> block_type_name(int64_t block_type_id) {
    for (const auto& entry : operator_catalog().at("blockTypes"))
        if (entry.at("id").get<int64_t>() == block_type_id)
            return entry.at("name").get<std::string>();
    return std::nullopt;
}

Json discovery_json() {
    const Json& catalog = operator_catalog();
    Json block_types = Json::array();
    for (const auto& type : catalog.at("blockTypes")) {
        Json names = Json::array();
        for (const auto& spec : catalog.at("operators"))
            if (spec.at("blockType") == type.at("name")) names.push_back(spec.at("name"));
        block_types.push_back({{"blockType", type.at("id")},
                               {"name", type.at("name")},
                               {"description", type.at("description")},
                               {"operators", std::move(names)}});
    }
    Json operators = Json::array();
    for (const auto& spec : catalog.at("operators")) operators.push_back(expand_operator(spec));
    return {{"blockTypes", std::move(block_types)},
            {"operators", std::move(operators)},
            {"enumerations", catalog.at("enumerations")}};
}

}  // namespace pmstudio::mining
