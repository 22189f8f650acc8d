#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "eventlog/text_value_parser.h"

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

// A text parser for type inference and value reading: ISO 8601 (with or without an offset)
// always, then the culture's date forms; timestamps without an offset are read in `time_zone`
// (an IANA name). Throws std::invalid_argument for an unknown time zone.
std::unique_ptr<eventlog::TextValueParser> make_value_parser(const Culture& culture,
                                                             const std::string& time_zone);

}  // namespace pmstudio::importers
