#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::mining {

using Json = nlohmann::ordered_json;

// Why an operator could not run: a message naming the setting (or column, activity, ...). The
// execution reports it with the block's name.
class OperatorError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The settings of one block as an operator reads them: keys match ignoring case, absent or null
// values fall back to the catalog default of the setting (of the simple form when the block is
// in the simple dialect), and runtime parameters of the execution override settings of the same
// name. Typed getters throw OperatorError naming the setting when a value has the wrong type.
class OperatorSettings {
public:
    // `spec`: the catalog operator; `simple_form`: its simple form when the block uses that
    // dialect (else null); `values`: the configuration object.
    OperatorSettings(const Json& spec, const Json* simple_form, Json values,
                     std::map<std::string, Json> parameters = {});

    const Json& spec() const { return *spec_; }
    const std::string& operator_name() const;
    // The simple form's "when" values (filterType, calculationType, ...) when in that dialect.
    bool simple() const { return simple_form_ != nullptr; }

    // The value, the default, or nullptr.
    const Json* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }
    std::optional<int64_t> integer(std::string_view key) const;
    std::optional<double> number(std::string_view key) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<std::string> text(std::string_view key) const;
    // A string array (a single string counts as one element); empty when absent.
    std::vector<std::string> strings(std::string_view key) const;
    // A .NET TimeSpan text ([-][d.]hh:mm[:ss[.fffffff]]) or a number of seconds, in microseconds.
    std::optional<int64_t> timespan_micros(std::string_view key) const;
    // An ISO 8601 date or date-time (UTC when it has no offset), in microseconds since 1970.
    std::optional<int64_t> datetime_micros(std::string_view key) const;
    // An object or array; a string holding JSON (JSON-in-JSON settings) is parsed.
    Json json(std::string_view key) const;
    // A required value: OperatorError "Setting 'X' is required" when absent.
    const Json& require(std::string_view key) const;

private:
    [[noreturn]] void wrong_type(std::string_view key, const char* expected) const;
    const Json* default_of(std::string_view key) const;

    const Json* spec_;
    const Json* simple_form_;
    Json values_;
    std::map<std::string, Json> parameters_;
};

// Microseconds of a .NET TimeSpan text; nullopt when it is not one.
std::optional<int64_t> parse_timespan_micros(std::string_view text);
// Microseconds since 1970 of an ISO 8601 date or date-time; nullopt when it is not one.
std::optional<int64_t> parse_datetime_micros(std::string_view text);

}  // namespace pmstudio::mining
