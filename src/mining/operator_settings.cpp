#include "mining/operator_settings.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <regex>

#include "common/json_lookup.h"
#include "common/text.h"
#include "eventlog/time_format.h"

namespace pmstudio::mining {
namespace {

const Json* find_setting(const Json& settings, std::string_view key) {
    for (const auto& setting : settings) {
        if (iequals(setting.at("name").get_ref<const std::string&>(), key)) return &setting;
    }
    return nullptr;
}

int64_t to_int(std::string_view digits) {
    int64_t value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

}  // namespace

std::optional<int64_t> parse_timespan_micros(std::string_view text) {
    static const std::regex pattern(
        R"((-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
    const auto part = [&](int i) { return std::string_view(m[i].first, m[i].second); };
    int64_t micros = ((to_int(part(2)) * 24 + to_int(part(3))) * 60 + to_int(part(4))) * 60;
    micros = (micros + to_int(part(5))) * eventlog::kMicrosPerSecond;
    if (m[6].matched) {
        std::string fraction(part(6));
        fraction.resize(6, '0');
        micros += to_int(fraction);
    }
    return m[1].matched ? -micros : micros;
}

std::optional<int64_t> parse_datetime_micros(std::string_view text) {
    static const std::regex pattern(
        R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|([+-])(\d{2}):?(\d{2}))?)");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
    const auto number = [&](int i) {
        return m[i].matched ? to_int(std::string_view(m[i].first, m[i].second)) : 0;
    };
    int64_t fraction = 0;
    if (m[7].matched) {
        std::string digits(m[7].first, m[7].second);
        digits.resize(6, '0');
        fraction = to_int(digits.substr(0, 6));
    }
    auto micros = eventlog::civil_to_micros(
        number(1), static_cast<int>(number(2)), static_cast<int>(number(3)),
        static_cast<int>(number(4)), static_cast<int>(number(5)), static_cast<int>(number(6)),
        fraction);
    if (!micros) return std::nullopt;
    if (m[9].matched) {
        const int64_t offset = (number(10) * 60 + number(11)) * 60 * eventlog::kMicrosPerSecond;
        *micros += std::string_view(m[9].first, m[9].second) == "-" ? offset : -offset;
    }
    return micros;
}

OperatorSettings::OperatorSettings(const Json& spec, const Json* simple_form, Json values,
                                   std::map<std::string, Json> parameters)
    : spec_(&spec),
      simple_form_(simple_form),
      values_(values.is_object() ? std::move(values) : Json::object()),
      parameters_(std::move(parameters)) {}

const std::string& OperatorSettings::operator_name() const {
    return spec_->at("name").get_ref<const std::string&>();
}

const Json* OperatorSettings::default_of(std::string_view key) const {
    const Json* schema = simple_form_ != nullptr && simple_form_->contains("settings")
                             ? &simple_form_->at("settings")
                             : &spec_->at("settings");
    const Json* setting = find_setting(*schema, key);
    if (setting == nullptr || !setting->contains("default")) return nullptr;
    return &setting->at("default");
}

const Json* OperatorSettings::find(std::string_view key) const {
    for (const auto& [name, value] : parameters_) {
        if (iequals(name, key) && !value.is_null()) return &value;
    }
    const Json* value = find_member_ignoring_case(values_, key);
    if (value != nullptr && !value->is_null()) return value;
    return default_of(key);
}

void OperatorSettings::wrong_type(std::string_view key, const char* expected) const {
    throw OperatorError(
        fmt::format("Setting '{}' of {} must be {}", key, operator_name(), expected));
}

const Json& OperatorSettings::require(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) {
        throw OperatorError(fmt::format("Setting '{}' of {} is required", key, operator_name()));
    }
    return *value;
}

std::optional<int64_t> OperatorSettings::integer(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_number_integer()) return value->get<int64_t>();
    if (value->is_number_float() && std::floor(value->get<double>()) == value->get<double>()) {
        return static_cast<int64_t>(value->get<double>());
    }
    if (value->is_string()) {
        int64_t parsed = 0;
        const auto& text = value->get_ref<const std::string&>();
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (error == std::errc() && end == text.data() + text.size()) return parsed;
    }
    wrong_type(key, "an integer");
}

std::optional<double> OperatorSettings::number(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    if (value->is_string()) {
        try {
            size_t used = 0;
            const double parsed = std::stod(value->get<std::string>(), &used);
            if (used == value->get_ref<const std::string&>().size()) return parsed;
        } catch (const std::exception&) {
        }
    }
    wrong_type(key, "a number");
}

std::optional<bool> OperatorSettings::boolean(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_boolean()) return value->get<bool>();
    if (value->is_string()) {
        if (iequals(value->get<std::string>(), "true")) return true;
        if (iequals(value->get<std::string>(), "false")) return false;
    }
    wrong_type(key, "true or false");
}

std::optional<std::string> OperatorSettings::text(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number() || value->is_boolean()) return value->dump();
    wrong_type(key, "a string");
}

std::vector<std::string> OperatorSettings::strings(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return {};
    if (value->is_string()) return {value->get<std::string>()};
    if (!value->is_array()) wrong_type(key, "a list of strings");
    std::vector<std::string> items;
    for (const auto& item : *value) {
        if (item.is_string()) {
            items.push_back(item.get<std::string>());
        } else if (item.is_number()) {
            items.push_back(item.dump());
        } else {
            wrong_type(key, "a list of strings");
        }
    }
    return items;
}

std::optional<int64_t> OperatorSettings::timespan_micros(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_number()) {
        return static_cast<int64_t>(
            std::llround(value->get<double>() * eventlog::kMicrosPerSecond));
    }
    if (value->is_string()) {
        if (auto micros = parse_timespan_micros(value->get<std::string>())) return micros;
    }
    wrong_type(key, "a timespan ([d.]hh:mm:ss or seconds)");
}

std::optional<int64_t> OperatorSettings::datetime_micros(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
        if (auto micros = parse_datetime_micros(value->get<std::string>())) return micros;
    }
    wrong_type(key, "an ISO 8601 date or date-time");
}

Json OperatorSettings::json(std::string_view key) const {
    const Json* value = find(key);
    if (value == nullptr) return Json();
    if (!value->is_string()) return *value;
    try {
        return Json::parse(value->get<std::string>());
    } catch (const Json::parse_error&) {
        wrong_type(key, "JSON (an object or a string holding one)");
    }
}

}  // namespace pmstudio::mining
