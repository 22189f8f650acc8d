#include "mining/dotnet_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

namespace pmstudio::mining {
namespace {

// An exact decimal: 0.digits x 10^point. Digits carry no leading or trailing zeros; zero has none.
struct Decimal {
    bool negative = false;
    std::string digits;
    int point = 0;

    bool zero() const { return digits.empty(); }
    void trim() {
        while (!digits.empty() && digits.back() == '0') digits.pop_back();
        if (digits.empty()) point = 0;
    }
};

Decimal from_integer(int64_t value) {
    Decimal out;
    out.negative = value < 0;
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
    out.digits = std::to_string(magnitude);
    out.point = static_cast<int>(out.digits.size());
    if (magnitude == 0) out.digits.clear();
    out.trim();
    return out;
}

// The digits of "d.ddde+x" scientific text (the mantissa and its exponent).
Decimal from_scientific(bool negative, std::string_view text) {
    Decimal out;
    out.negative = negative;
    const size_t e = text.find('e');
    for (char ch : text.substr(0, e)) {
        if (ch != '.') out.digits.push_back(ch);
    }
    int exponent = 0;
    const std::string_view tail = text.substr(e + 1);
    std::from_chars(tail.data() + (tail.front() == '+' ? 1 : 0), tail.data() + tail.size(),
                    exponent);
    out.point = exponent + 1;
    out.trim();
    return out;
}

// Every digit of the double's exact binary value (at most 767 significant digits).
Decimal exact(double value) {
    if (value == 0) return {};
    std::array<char, 800> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(value),
                                   std::chars_format::scientific, 766)
                         .ptr;
    return from_scientific(value < 0, std::string_view(buffer.data(), end));
}

// The fewest digits that read back as the same double.
Decimal shortest(double value) {
    if (value == 0) return {};
    std::array<char, 40> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(value),
                                   std::chars_format::scientific)
                         .ptr;
    return from_scientific(value < 0, std::string_view(buffer.data(), end));
}

// Keeps `keep` digits, rounding half away from zero (the digits are exact, so a dropped 5 is at
// least half).
void round_to_digits(Decimal& number, int keep) {
    if (keep < 0) {
        number.digits.clear();
        number.trim();
        return;
    }
    if (static_cast<size_t>(keep) >= number.digits.size()) return;
    const bool up = number.digits[static_cast<size_t>(keep)] >= '5';
    number.digits.resize(static_cast<size_t>(keep));
    if (up) {
        int i = keep - 1;
        while (i >= 0 && number.digits[static_cast<size_t>(i)] == '9') {
            number.digits[static_cast<size_t>(i)] = '0';
            --i;
        }
        if (i >= 0) {
            ++number.digits[static_cast<size_t>(i)];
        } else {
            number.digits.insert(number.digits.begin(), '1');
            ++number.point;
        }
    }
    number.trim();
}

void round_decimals(Decimal& number, int decimals) {
    round_to_digits(number, number.point + decimals);
}

// Digits before the point ("" for a value below 1).
std::string integer_digits(const Decimal& number) {
    if (number.point <= 0) return {};
    std::string out = number.digits.substr(0, static_cast<size_t>(number.point));
    out.resize(static_cast<size_t>(number.point), '0');
    return out;
}

// The first `count` digits after the point.
std::string fraction_digits(const Decimal& number, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        const int index = number.point + i;
        const bool inside = index >= 0 && static_cast<size_t>(index) < number.digits.size();
        out.push_back(inside ? number.digits[static_cast<size_t>(index)] : '0');
    }
    return out;
}

std::string grouped(const std::string& digits) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string sign(const Decimal& number) {
    return number.negative && !number.zero() ? "-" : "";
}

// [-]ddd,ddd.ff: fixed point with `decimals` decimals, optionally grouped, without the sign.
std::string fixed_magnitude(Decimal number, int decimals, bool group) {
    round_decimals(number, decimals);
    std::string whole = integer_digits(number);
    if (whole.empty()) whole.push_back('0');
    std::string out = group ? grouped(whole) : whole;
    if (decimals > 0) {
        out.push_back('.');
        out += fraction_digits(number, decimals);
    }
    return out;
}

std::string fixed(const Decimal& number, int decimals, bool group) {
    Decimal rounded = number;
    round_decimals(rounded, decimals);
    return sign(rounded) + fixed_magnitude(number, decimals, group);
}

// d.dddE+xxx with `exponent_digits` digits at least.
std::string scientific(const Decimal& number, int decimals, char e, int exponent_digits,
                       bool keep_trailing_zeros) {
    std::string mantissa = number.zero() ? "0" : number.digits.substr(0, 1);
    std::string rest = number.zero() ? "" : number.digits.substr(1);
    if (keep_trailing_zeros) rest.resize(static_cast<size_t>(decimals), '0');
    if (!rest.empty()) {
        mantissa.push_back('.');
        mantissa += rest;
    }
    const int exponent = number.zero() ? 0 : number.point - 1;
    return fmt::format("{}{}{}{}{:0{}}", sign(number), mantissa, e, exponent < 0 ? '-' : '+',
                       std::abs(exponent), exponent_digits);
}

// .NET "G": fixed unless the exponent reaches `limit` or is -5 or less; no trailing zeros.
std::string general(const Decimal& number, int limit, char e) {
    const int exponent = number.point - 1;
    if (!number.zero() && (exponent >= limit || exponent < -4)) {
        return scientific(number, 0, e, 2, false);
    }
    const int decimals = std::max(0, static_cast<int>(number.digits.size()) - number.point);
    return fixed(number, decimals, false);
}

std::string hexadecimal(int64_t value, int width, bool upper) {
    const auto bits = static_cast<uint64_t>(value);
    return upper ? fmt::format("{:0{}X}", bits, width) : fmt::format("{:0{}x}", bits, width);
}

// "A": readable without trailing zeros.
std::string automatic(Decimal number) {
    const bool below_one = number.point <= 0;
    if (below_one) {
        round_to_digits(number, 3);
    } else {
        round_decimals(number, 2);
    }
    const int decimals = std::max(0, static_cast<int>(number.digits.size()) - number.point);
    return fixed(number, decimals, true);
}

struct StandardFormat {
    char letter;
    std::optional<int> precision;
};

// A standard format string: one letter and up to two digits.
std::optional<StandardFormat> standard_format(std::string_view format) {
    if (format.empty() || format.size() > 3 || !std::isalpha(static_cast<unsigned char>(format[0])))
        return std::nullopt;
    if (format.size() == 1) return StandardFormat{format[0], std::nullopt};
    int precision = 0;
    const auto [end, error] =
        std::from_chars(format.data() + 1, format.data() + format.size(), precision);
    if (error != std::errc() || end != format.data() + format.size()) return std::nullopt;
    return StandardFormat{format[0], precision};
}

// ---- custom numeric formats ----

enum class TokenKind { Literal, Zero, Hash, Point, Comma, Percent, PerMille };

struct Token {
    TokenKind kind;
    std::string text;
};

// Splits at unquoted ';' into at most three sections.
std::vector<std::string> sections_of(std::string_view format) {
    std::vector<std::string> sections(1);
    char quote = 0;
    for (size_t i = 0; i < format.size(); ++i) {
        const char ch = format[i];
        if (quote == 0 && ch == ';' && sections.size() < 3) {
            sections.emplace_back();
            continue;
        }
        sections.back().push_back(ch);
        if (quote != 0) {
            if (ch == quote) quote = 0;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '\\' && i + 1 < format.size()) {
            sections.back().push_back(format[++i]);
        }
    }
    return sections;
}

std::vector<Token> tokens_of(std::string_view section) {
    std::vector<Token> tokens;
    bool seen_point = false;
    for (size_t i = 0; i < section.size(); ++i) {
        const char ch = section[i];
        if (ch == '\\' && i + 1 < section.size()) {
            tokens.push_back({TokenKind::Literal, std::string(1, section[++i])});
        } else if (ch == '\'' || ch == '"') {
            const size_t end = section.find(ch, i + 1);
            const size_t stop = end == std::string_view::npos ? section.size() : end;
            tokens.push_back(
                {TokenKind::Literal, std::string(section.substr(i + 1, stop - i - 1))});
            i = stop;
        } else if (ch == '0') {
            tokens.push_back({TokenKind::Zero, {}});
        } else if (ch == '#') {
            tokens.push_back({TokenKind::Hash, {}});
        } else if (ch == '.') {
            // Only the first point counts; .NET ignores the others.
            if (!seen_point) tokens.push_back({TokenKind::Point, {}});
            seen_point = true;
        } else if (ch == ',') {
            tokens.push_back({TokenKind::Comma, {}});
        } else if (ch == '%') {
            tokens.push_back({TokenKind::Percent, "%"});
        } else if (section.substr(i).starts_with("\u2030")) {
            tokens.push_back({TokenKind::PerMille, "\u2030"});
            i += 2;
        } else {
            tokens.push_back({TokenKind::Literal, std::string(1, ch)});
        }
    }
    return tokens;
}

bool placeholder(const Token& token) {
    return token.kind == TokenKind::Zero || token.kind == TokenKind::Hash;
}

struct CustomLayout {
    int min_integer_digits = 0;
    int min_decimals = 0;
    int max_decimals = 0;
    bool group = false;
    int scale = 0;  // powers of ten the value is multiplied by
};

CustomLayout layout_of(const std::vector<Token>& tokens) {
    CustomLayout layout;
    const auto point = std::find_if(tokens.begin(), tokens.end(),
                                    [](const Token& t) { return t.kind == TokenKind::Point; });
    const auto last_integer = std::find_if(std::make_reverse_iterator(point), tokens.rend(),
                                           [](const Token& t) { return placeholder(t); });
    bool seen_zero = false;
    bool seen_placeholder = false;
    for (auto it = tokens.begin(); it != point; ++it) {
        if (it->kind == TokenKind::Zero) seen_zero = true;
        if (placeholder(*it)) {
            seen_placeholder = true;
            if (seen_zero) ++layout.min_integer_digits;
        }
        // A comma between placeholders groups; commas after the last one scale by 1000.
        if (it->kind == TokenKind::Comma && seen_placeholder) {
            if (last_integer != tokens.rend() && it < last_integer.base() - 1) {
                layout.group = true;
            } else {
                layout.scale -= 3;
            }
        }
    }
    for (auto it = point; it != tokens.end(); ++it) {
        if (placeholder(*it)) {
            ++layout.max_decimals;
            if (it->kind == TokenKind::Zero) layout.min_decimals = layout.max_decimals;
        }
    }
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Percent) layout.scale += 2;
        if (token.kind == TokenKind::PerMille) layout.scale += 3;
    }
    return layout;
}

// One section applied to a magnitude; `with_sign` puts '-' before a negative result.
std::string apply_section(const std::vector<Token>& tokens, Decimal number, bool with_sign) {
    const CustomLayout layout = layout_of(tokens);
    if (!number.zero()) number.point += layout.scale;
    round_decimals(number, layout.max_decimals);
    std::string whole = integer_digits(number);
    if (static_cast<int>(whole.size()) < layout.min_integer_digits) {
        whole.insert(0, static_cast<size_t>(layout.min_integer_digits) - whole.size(), '0');
    }
    std::string fraction = fraction_digits(number, layout.max_decimals);
    while (static_cast<int>(fraction.size()) > layout.min_decimals && fraction.back() == '0') {
        fraction.pop_back();
    }
    const auto integer_placeholders = static_cast<size_t>(
        std::count_if(tokens.begin(),
                      std::find_if(tokens.begin(), tokens.end(),
                                   [](const Token& t) { return t.kind == TokenKind::Point; }),
                      placeholder));
    // Integer digits fill the placeholders from the right; the first takes any surplus. Grouped
    // digits go to the first placeholder whole.
    std::vector<std::string> slots(integer_placeholders);
    if (!slots.empty()) {
        if (layout.group) {
            slots.front() = grouped(whole);
        } else {
            size_t remaining = whole.size();
            for (size_t slot = slots.size(); slot-- > 0 && remaining > 0;) {
                const size_t take = slot == 0 ? remaining : 1;
                slots[slot] = whole.substr(remaining - take, take);
                remaining -= take;
            }
        }
    }
    std::string out = with_sign ? sign(number) : "";
    size_t integer_slot = 0;
    size_t decimal_slot = 0;
    bool after_point = false;
    for (const Token& token : tokens) {
        switch (token.kind) {
            case TokenKind::Zero:
            case TokenKind::Hash:
                if (!after_point) {
                    out += slots[integer_slot++];
                } else if (decimal_slot < fraction.size()) {
                    out.push_back(fraction[decimal_slot++]);
                }
                break;
            case TokenKind::Point:
                after_point = true;
                if (!fraction.empty()) out.push_back('.');
                break;
            case TokenKind::Comma:
                break;
            default:
                out += token.text;
        }
    }
    return out;
}

std::string custom_number(const Decimal& number, std::string_view format) {
    const std::vector<std::string> sections = sections_of(format);
    const auto tokens_at = [&](size_t index) {
        return tokens_of(index < sections.size() && !sections[index].empty() ? sections[index]
                                                                             : sections[0]);
    };
    Decimal magnitude = number;
    magnitude.negative = false;
    const bool negative_section = number.negative && sections.size() >= 2;
    const std::vector<Token> chosen = tokens_at(negative_section ? 1 : 0);
    if (sections.size() == 3) {
        Decimal rounded = magnitude;
        const CustomLayout layout = layout_of(chosen);
        rounded.point += layout.scale;
        round_decimals(rounded, layout.max_decimals);
        if (rounded.zero()) return apply_section(tokens_at(2), magnitude, false);
    }
    if (negative_section) return apply_section(chosen, magnitude, false);
    return apply_section(chosen, number, true);
}

// `integral`: a whole value (formatted as such by "A"); `integer`: that value for "X";
// `general_limit`: the exponent from which default "G" turns scientific (15 for doubles, never for
// 64-bit integers).
std::string format_decimal(const Decimal& number, std::string_view format, bool integral,
                           int64_t integer, int general_limit) {
    if (format.empty() || format == "A" || format == "a") {
        return integral ? fixed(number, 0, true) : automatic(number);
    }
    const auto standard = standard_format(format);
    if (!standard) return custom_number(number, format);
    const char letter =
        static_cast<char>(std::toupper(static_cast<unsigned char>(standard->letter)));
    const bool upper = std::isupper(static_cast<unsigned char>(standard->letter)) != 0;
    const int precision = standard->precision.value_or(-1);
    const int decimals = precision < 0 ? 2 : precision;
    switch (letter) {
        case 'C': {
            Decimal rounded = number;
            round_decimals(rounded, decimals);
            return sign(rounded) + "$" + fixed_magnitude(number, decimals, true);
        }
        case 'D': {
            Decimal rounded = number;
            round_decimals(rounded, 0);
            std::string digits = integer_digits(rounded);
            if (static_cast<int>(digits.size()) < std::max(precision, 1)) {
                digits.insert(0, static_cast<size_t>(std::max(precision, 1)) - digits.size(), '0');
            }
            return sign(rounded) + digits;
        }
        case 'E': {
            Decimal rounded = number;
            const int e_decimals = precision < 0 ? 6 : precision;
            round_to_digits(rounded, e_decimals + 1);
            return scientific(rounded, e_decimals, upper ? 'E' : 'e', 3, true);
        }
        case 'F':
            return fixed(number, decimals, false);
        case 'N':
            return fixed(number, decimals, true);
        case 'P': {
            Decimal scaled = number;
            if (!scaled.zero()) scaled.point += 2;
            return fixed(scaled, decimals, true) + "%";
        }
        case 'G':
        case 'R': {
            if (precision <= 0 || letter == 'R') {
                return general(number, general_limit, upper ? 'E' : 'e');
            }
            Decimal rounded = number;
            round_to_digits(rounded, precision);
            return general(rounded, precision, upper ? 'E' : 'e');
        }
        case 'X':
            return hexadecimal(integer, std::max(precision, 0), upper);
        default:
            return custom_number(number, format);
    }
}

}  // namespace

std::string format_number(double value, std::string_view format) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-\u221e" : "\u221e";
    const auto standard = standard_format(format);
    const bool round_trip = standard && (standard->letter == 'R' || standard->letter == 'r' ||
                                         ((standard->letter == 'G' || standard->letter == 'g') &&
                                          standard->precision.value_or(0) == 0));
    const Decimal number = round_trip ? shortest(value) : exact(value);
    const bool integral = std::trunc(value) == value && std::fabs(value) < 9.2e18;
    return format_decimal(number, format, integral,
                          integral ? static_cast<int64_t>(value) : std::llround(value), 15);
}

std::string format_integer(int64_t value, std::string_view format) {
    return format_decimal(from_integer(value), format, true, value, 20);
}

}  // namespace pmstudio::mining
