#include "mining/time_units.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

#include "common/text.h"
#include "eventlog/time_format.h"

namespace pmstudio::mining {
namespace {

constexpr std::array<std::string_view, 8> kNames = {"milliseconds", "seconds", "minutes", "hours",
                                                    "days",         "weeks",   "months",  "years"};

constexpr std::array<int64_t, 8> kMicros = {
    1'000,
    eventlog::kMicrosPerSecond,
    60 * eventlog::kMicrosPerSecond,
    3'600 * eventlog::kMicrosPerSecond,
    eventlog::kMicrosPerDay,
    7 * eventlog::kMicrosPerDay,
    30 * eventlog::kMicrosPerDay,
    365 * eventlog::kMicrosPerDay,
};

}  // namespace

int64_t unit_micros(TimeUnit unit) {
    return kMicros.at(static_cast<size_t>(unit));
}

double in_units(int64_t micros, TimeUnit unit) {
    return static_cast<double>(micros) / static_cast<double>(unit_micros(unit));
}

std::string_view unit_name(TimeUnit unit) {
    return kNames.at(static_cast<size_t>(unit));
}

std::optional<TimeUnit> time_unit_setting(const OperatorSettings& settings, std::string_view key) {
    const Json* value = settings.find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
        for (size_t i = 0; i < kNames.size(); ++i) {
            if (iequals(kNames[i], value->get<std::string>())) return static_cast<TimeUnit>(i);
        }
    } else if (value->is_number_integer()) {
        const auto number = value->get<int64_t>();
        if (number >= 0 && number < static_cast<int64_t>(kNames.size())) {
            return static_cast<TimeUnit>(number);
        }
    }
    throw OperatorError(fmt::format("Setting '{}' of {} must be a time unit (0..7 or {}), got {}",
                                    key, settings.operator_name(), fmt::join(kNames, ", "),
                                    value->dump()));
}

}  // namespace pmstudio::mining
