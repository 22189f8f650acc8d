#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pmstudio::importers {

// How a .NET culture writes dates and numbers, for the cultures pmstudio supports:
// en-US (M/d/yyyy h:mm:ss tt, 1,234.5), en-GB (dd/MM/yyyy HH:mm:ss, 1,234.5),
// de-DE (dd.MM.yyyy HH:mm:ss, 1.234,5), fr-FR (dd/MM/yyyy HH:mm:ss, 1 234,5),
// nl-NL (d-M-yyyy HH:mm:ss, 1.234,5) and the invariant culture (MM/dd/yyyy HH:mm:ss, 1,234.5).
struct Culture {
    enum class DateOrder { MonthDayYear, DayMonthYear };
    std::string name;
    DateOrder date_order;
    char decimal_separator;
    char group_separator;  // ' ' for fr-FR also accepts U+00A0 and U+202F
};

// The culture with that name (case-insensitive; "" and "invariant" give the invariant culture).
std::optional<Culture> find_culture(std::string_view name);

}  // namespace pmstudio::importers
