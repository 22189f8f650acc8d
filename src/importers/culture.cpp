#include "importers/culture.h"

#include <array>

#include "common/text.h"

namespace pmstudio::importers {
namespace {

const std::array<Culture, 6> kCultures = {{
    {"en-US", Culture::DateOrder::MonthDayYear, '.', ','},
    {"en-GB", Culture::DateOrder::DayMonthYear, '.', ','},
    {"de-DE", Culture::DateOrder::DayMonthYear, ',', '.'},
    {"fr-FR", Culture::DateOrder::DayMonthYear, ',', ' '},
    {"nl-NL", Culture::DateOrder::DayMonthYear, ',', '.'},
    {"invariant", Culture::DateOrder::MonthDayYear, '.', ','},
}};

}  // namespace

std::optional<Culture> find_culture(std::string_view name) {
    if (name.empty()) return kCultures.back();
    for (const Culture& culture : kCultures) {
        if (iequals(culture.name, name)) {
            return culture;
        }
    }
    return std::nullopt;
}

}  // namespace pmstudio::importers
