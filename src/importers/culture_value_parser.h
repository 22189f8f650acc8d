#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "eventlog/text_value_parser.h"
#include "importers/culture.h"

namespace pmstudio::importers {

class ZoneConverter;

// Reads values as a culture writes them. Dates: ISO 8601 (date, or date and time with 'T' or a
// space, fractions up to 7 digits, optional Z / ±hh:mm / ±hhmm / ±hh) always; then the culture's
// numeric date (en-US/invariant month first, the others day first; separators / . -), optionally
// followed by H:mm[:ss[.fff]] and, for en-US, AM/PM. Timestamps without an offset are read in the
// time zone; every explicit offset seen is remembered for the dataset's metadata. Numbers: the
// culture's decimal and group separators (groups of three), an optional exponent; integers
// without leading zeros (so "007" stays text). Booleans: true/false in any case.
// Not thread-safe: one parser per import.
class CultureValueParser final : public eventlog::TextValueParser {
public:
    // Throws std::invalid_argument for a time zone the system does not know.
    CultureValueParser(Culture culture, const std::string& time_zone);
    ~CultureValueParser() override;

    std::optional<bool> parse_boolean(std::string_view text) const override;
    std::optional<int64_t> parse_integer(std::string_view text) const override;
    std::optional<double> parse_double(std::string_view text) const override;
    std::optional<int64_t> parse_datetime(std::string_view text) const override;

    const Culture& culture() const { return culture_; }
    // The .NET-style pattern a date text follows under this culture ("ISO 8601",
    // "M/d/yyyy h:mm:ss tt", "dd.MM.yyyy HH:mm", ...); nullopt when it is not a date.
    std::optional<std::string> date_format(std::string_view text) const;
    // Distinct UTC offsets (minutes east) that parsed timestamps carried explicitly.
    const std::set<int32_t>& offsets_seen() const { return offsets_seen_; }

private:
    std::optional<int64_t> local_to_utc(int64_t local_micros) const;

    Culture culture_;
    std::unique_ptr<ZoneConverter> zone_;  // null for UTC
    mutable std::set<int32_t> offsets_seen_;
};

}  // namespace pmstudio::importers
