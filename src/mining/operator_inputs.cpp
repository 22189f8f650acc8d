#include "mining/operator_inputs.h"

#include <fmt/format.h>

#include "common/text.h"
#include "mining/activity_names.h"
#include "mining/operator_registry.h"

namespace pmstudio::mining {

ViewColumn column_setting(const AnalysisState& state, const OperatorSettings& settings,
                          std::string_view key) {
    settings.require(key);
    return named_column(state, settings, key, *settings.text(key));
}

ViewColumn named_column(const AnalysisState& state, const OperatorSettings& settings,
                        std::string_view key, std::string_view name) {
    auto column = ViewColumn::resolve(state, name);
    if (!column) {
        throw OperatorError(fmt::format("Setting '{}' of {} names an unknown column '{}'", key,
                                        settings.operator_name(), name));
    }
    return std::move(*column);
}

void expect_column_type(const OperatorSettings& settings, std::string_view key,
                        const ViewColumn& column, eventlog::ValueType type) {
    if (column.type() == type) return;
    throw OperatorError(fmt::format("Setting '{}' of {} must name a {} column, '{}' is {}", key,
                                    settings.operator_name(), eventlog::value_type_name(type),
                                    *settings.text(key), eventlog::value_type_name(column.type())));
}

uint32_t activity_setting(const eventlog::EventLog& log, const OperatorSettings& settings,
                          std::string_view key) {
    settings.require(key);
    const std::string name = *settings.text(key);
    const auto code = activity_code(log, name);
    if (!code) {
        throw OperatorError(fmt::format("Setting '{}' of {} names an unknown activity '{}'", key,
                                        settings.operator_name(), name));
    }
    return *code;
}

std::vector<std::string> activity_names_setting(const eventlog::EventLog& log,
                                                const OperatorSettings& settings,
                                                std::string_view key) {
    std::vector<std::string> names = settings.strings(key);
    for (const std::string& name : names) {
        if (!activity_code(log, name)) {
            throw OperatorError(fmt::format("Setting '{}' of {} names an unknown activity '{}'",
                                            key, settings.operator_name(), name));
        }
    }
    return names;
}

size_t enumeration_position(const OperatorSettings& settings, std::string_view key,
                            std::string_view enumeration) {
    const Json& value = settings.require(key);
    const Json& values = *find_enumeration(enumeration);
    for (size_t i = 0; i < values.size(); ++i) {
        const Json& allowed = values[i].at("value");
        if (allowed == value ||
            (allowed.is_string() && value.is_string() &&
             iequals(allowed.get_ref<const std::string&>(), value.get_ref<const std::string&>()))) {
            return i;
        }
    }
    throw OperatorError(fmt::format("Setting '{}' of {} must be a value of {}, got {}", key,
                                    settings.operator_name(), enumeration, value.dump()));
}

int64_t time_unit_micros(const OperatorSettings& settings, std::string_view key, int64_t unit) {
    if (unit < static_cast<int64_t>(TimeUnit::Milliseconds) ||
        unit > static_cast<int64_t>(TimeUnit::Years)) {
        throw OperatorError(fmt::format("Setting '{}' of {} must be a time unit 0..7, got {}", key,
                                        settings.operator_name(), unit));
    }
    return unit_micros(static_cast<TimeUnit>(unit));
}

}  // namespace pmstudio::mining
