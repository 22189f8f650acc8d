#include "importers/culture_value_parser.h"

#include <fast_float/fast_float.h>
#include <strings.h>

#include <algorithm>

#include "common/text.h"
#include "eventlog/time_format.h"
#include "importers/zone_converter.h"

namespace pmstudio::importers {
namespace {

using eventlog::civil_to_micros;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at `pos`.
bool fixed_digits(std::string_view text, size_t& pos, size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (!is_digit(c)) return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

// Reads 1..max_count digits at `pos`.
bool some_digits(std::string_view text, size_t& pos, size_t max_count, int& value) {
    size_t count = 0;
    value = 0;
    while (pos < text.size() && count < max_count && is_digit(text[pos])) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
        ++count;
    }
    return count > 0;
}

// ".ffffff" with 1..9 digits; microseconds (extra digits truncated).
bool fraction(std::string_view text, size_t& pos, int64_t& micros) {
    micros = 0;
    if (pos >= text.size() || (text[pos] != '.' && text[pos] != ',')) return true;
    ++pos;
    int digits = 0;
    while (pos < text.size() && is_digit(text[pos])) {
        if (digits < 6) micros = micros * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
    }
    if (digits == 0) return false;
    for (int d = digits; d < 6; ++d) micros *= 10;
    return true;
}

// H[H]:mm[:ss[.f]] at pos.
bool clock_time(std::string_view text, size_t& pos, int& hour, int& minute, int& second,
                int64_t& micros) {
    second = 0;
    micros = 0;
    if (!some_digits(text, pos, 2, hour)) return false;
    if (pos >= text.size() || text[pos] != ':') return false;
    ++pos;
    if (!fixed_digits(text, pos, 2, minute)) return false;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        if (!fixed_digits(text, pos, 2, second)) return false;
        if (!fraction(text, pos, micros)) return false;
    }
    return true;
}

struct ParsedTime {
    int64_t local_micros;
    std::optional<int32_t> offset_minutes;
};

// Z, ±hh:mm, ±hhmm or ±hh at pos (which must then be the end).
bool offset_suffix(std::string_view text, size_t pos, std::optional<int32_t>& offset) {
    if (pos == text.size()) return true;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        offset = 0;
        return pos + 1 == text.size();
    }
    if (text[pos] != '+' && text[pos] != '-') return false;
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0;
    int minutes = 0;
    if (!fixed_digits(text, pos, 2, hours)) return false;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size() && !fixed_digits(text, pos, 2, minutes)) return false;
    if (pos != text.size() || hours > 18 || minutes > 59) return false;
    offset = sign * (hours * 60 + minutes);
    return true;
}

std::optional<ParsedTime> parse_iso(std::string_view text) {
    size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!fixed_digits(text, pos, 4, year) || pos >= text.size() || text[pos] != '-') {
        return std::nullopt;
    }
    ++pos;
    if (!fixed_digits(text, pos, 2, month) || pos >= text.size() || text[pos] != '-') {
        return std::nullopt;
    }
    ++pos;
    if (!fixed_digits(text, pos, 2, day)) return std::nullopt;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int64_t micros = 0;
    std::optional<int32_t> offset;
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
        ++pos;
        if (!clock_time(text, pos, hour, minute, second, micros)) return std::nullopt;
        if (!offset_suffix(text, pos, offset)) return std::nullopt;
    }
    auto local = civil_to_micros(year, month, day, hour, minute, second, micros);
    if (!local) return std::nullopt;
    return ParsedTime{*local, offset};
}

std::optional<ParsedTime> parse_culture_date(std::string_view text, const Culture& culture) {
    size_t pos = 0;
    int first = 0;
    int second_part = 0;
    int year = 0;
    if (!some_digits(text, pos, 2, first) || pos >= text.size()) return std::nullopt;
    const char separator = text[pos];
    if (separator != '/' && separator != '.' && separator != '-') return std::nullopt;
    ++pos;
    if (!some_digits(text, pos, 2, second_part) || pos >= text.size() || text[pos] != separator) {
        return std::nullopt;
    }
    ++pos;
    if (!fixed_digits(text, pos, 4, year)) return std::nullopt;
    const bool month_first = culture.date_order == Culture::DateOrder::MonthDayYear;
    const int month = month_first ? first : second_part;
    const int day = month_first ? second_part : first;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int64_t micros = 0;
    if (pos < text.size()) {
        if (text[pos] != ' ' && text[pos] != 'T') return std::nullopt;
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (!clock_time(text, pos, hour, minute, second, micros)) return std::nullopt;
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos + 2 == text.size()) {
            const bool pm = strncasecmp(text.data() + pos, "PM", 2) == 0;
            if (!pm && strncasecmp(text.data() + pos, "AM", 2) != 0) return std::nullopt;
            if (hour < 1 || hour > 12) return std::nullopt;
            hour = hour % 12 + (pm ? 12 : 0);
            pos += 2;
        }
        if (pos != text.size()) return std::nullopt;
    }
    auto local = civil_to_micros(year, month, day, hour, minute, second, micros);
    if (!local) return std::nullopt;
    return ParsedTime{*local, std::nullopt};
}

// Removes group separators (only in valid groups of three before the decimal part) and turns
// the decimal separator into '.'; nullopt when the grouping is malformed.
std::optional<std::string> normalize_number(std::string_view text, const Culture& culture) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) out.push_back(text[pos++]);
    size_t digits_since_group = 0;
    bool grouped = false;
    bool in_integer_part = true;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (in_integer_part) {
            const bool group_char =
                c == culture.group_separator ||
                (culture.group_separator == ' ' &&
                 (static_cast<unsigned char>(c) == 0xC2 || static_cast<unsigned char>(c) == 0xE2));
            if (group_char) {
                if ((grouped && digits_since_group != 3) || (!grouped && digits_since_group == 0) ||
                    digits_since_group > 3) {
                    return std::nullopt;
                }
                // Skip the rest of a multi-byte no-break space (C2 A0 or E2 80 AF).
                if (static_cast<unsigned char>(c) == 0xC2) ++pos;
                if (static_cast<unsigned char>(c) == 0xE2) pos += 2;
                grouped = true;
                digits_since_group = 0;
                continue;
            }
            if (c == culture.decimal_separator || c == 'e' || c == 'E') {
                if (grouped && digits_since_group != 3) return std::nullopt;
                in_integer_part = false;
                out.push_back(c == culture.decimal_separator ? '.' : c);
                continue;
            }
            if (!is_digit(c)) return std::nullopt;
            ++digits_since_group;
            out.push_back(c);
        } else {
            if (c == culture.decimal_separator) {
                out.push_back('.');
            } else {
                out.push_back(c);
            }
        }
    }
    if (in_integer_part && grouped && digits_since_group != 3) return std::nullopt;
    return out;
}

}  // namespace

CultureValueParser::CultureValueParser(Culture culture, const std::string& time_zone)
    : culture_(std::move(culture)) {
    if (!time_zone.empty() && time_zone != "UTC" && time_zone != "Etc/UTC") {
        zone_ = std::make_unique<ZoneConverter>(time_zone);
    }
}

CultureValueParser::~CultureValueParser() = default;

std::optional<bool> CultureValueParser::parse_boolean(std::string_view text) const {
    text = trim(text);
    if (iequals(text, "true")) return true;
    if (iequals(text, "false")) return false;
    return std::nullopt;
}

std::optional<int64_t> CultureValueParser::parse_integer(std::string_view text) const {
    text = trim(text);
    size_t pos = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    if (pos >= text.size() || text.size() - pos > 18) return std::nullopt;
    if (text[pos] == '0' && text.size() - pos > 1) return std::nullopt;
    int64_t value = 0;
    for (size_t i = pos; i < text.size(); ++i) {
        if (!is_digit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return text[0] == '-' ? -value : value;
}

std::optional<double> CultureValueParser::parse_double(std::string_view text) const {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    const char first_digit =
        (text[0] == '-' || text[0] == '+') && text.size() > 1 ? text[1] : text[0];
    if (!is_digit(first_digit) && first_digit != culture_.decimal_separator) return std::nullopt;
    double value = 0;
    // Fast path: plain digits with '.' (no grouping) needs no copy.
    if (culture_.decimal_separator == '.' &&
        text.find(culture_.group_separator) == std::string_view::npos) {
        const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
        const auto result = fast_float::from_chars(begin, text.data() + text.size(), value);
        if (result.ec == std::errc() && result.ptr == text.data() + text.size()) return value;
        return std::nullopt;
    }
    auto normalized = normalize_number(text, culture_);
    if (!normalized) return std::nullopt;
    const char* begin = normalized->data() + ((*normalized)[0] == '+' ? 1 : 0);
    const char* end = normalized->data() + normalized->size();
    const auto result = fast_float::from_chars(begin, end, value);
    if (result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return value;
}

std::optional<std::string> CultureValueParser::date_format(std::string_view text) const {
    text = trim(text);
    if (parse_iso(text)) return std::string("ISO 8601");
    if (!parse_culture_date(text, culture_)) return std::nullopt;
    const size_t separator_at = text.find_first_of("/.-");
    const char separator = text[separator_at];
    const bool month_first = culture_.date_order == Culture::DateOrder::MonthDayYear;
    const bool padded = separator_at == 2;
    std::string pattern =
        month_first ? (padded ? "MM" : "M") + std::string(1, separator) + (padded ? "dd" : "d")
                    : (padded ? "dd" : "d") + std::string(1, separator) + (padded ? "MM" : "M");
    pattern += std::string(1, separator) + "yyyy";
    const size_t space = text.find_first_of(" T");
    if (space == std::string_view::npos) return pattern;
    const std::string_view time = trim(text.substr(space + 1));
    const bool twelve_hour = time.size() > 2 && (time.ends_with("AM") || time.ends_with("PM") ||
                                                 time.ends_with("am") || time.ends_with("pm"));
    pattern += twelve_hour ? " h:mm" : (time.find(':') == 2 ? " HH:mm" : " H:mm");
    if (std::count(time.begin(), time.end(), ':') == 2) pattern += ":ss";
    if (time.find_first_of(".,") != std::string_view::npos) pattern += ".fff";
    if (twelve_hour) pattern += " tt";
    return pattern;
}

std::optional<int64_t> CultureValueParser::local_to_utc(int64_t local_micros) const {
    return zone_ ? zone_->to_utc(local_micros) : local_micros;
}

std::optional<int64_t> CultureValueParser::parse_datetime(std::string_view text) const {
    text = trim(text);
    if (text.size() < 8) return std::nullopt;
    auto parsed = parse_iso(text);
    if (!parsed) parsed = parse_culture_date(text, culture_);
    if (!parsed) return std::nullopt;
    if (parsed->offset_minutes) {
        offsets_seen_.insert(*parsed->offset_minutes);
        return parsed->local_micros - int64_t{*parsed->offset_minutes} * 60 * 1'000'000;
    }
    return local_to_utc(parsed->local_micros);
}

}  // namespace pmstudio::importers
