#pragma once

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mining/view_column.h"

namespace pmstudio::mining {

// The CompareMethod enumeration of operators.md.
enum class CompareMethod {
    Is = 1,
    IsNot = 2,
    Contains = 3,
    DoesNotContain = 4,
    StartsWith = 5,
    EndsWith = 6,
    GreaterThan = 7,
    GreaterThanOrEqual = 8,
    LessThan = 9,
    LessThanOrEqual = 10,
    Between = 11,
    IsEmpty = 12,
    IsNotEmpty = 13,
    IsOneOf = 14,
    IsNotOneOf = 15,
    MatchesRegex = 16,
};

// An operand. Against DateTime and TimeSpan columns, numbers are microseconds (relative dates
// and time units are resolved by the caller); strings compare with numeric columns as numbers.
using AttributeValue = std::variant<bool, int64_t, double, std::string>;

struct AttributeCondition {
    std::string column;  // any name ViewColumn::resolve accepts
    CompareMethod method = CompareMethod::Is;
    // One value, except: Between (lower, upper; inclusive), IsOneOf / IsNotOneOf (any number),
    // IsEmpty / IsNotEmpty (none).
    std::vector<AttributeValue> values;
};

// A condition compiled against a resolved column. Text methods (Contains, StartsWith, EndsWith,
// MatchesRegex — a search, ECMAScript syntax) compare the canonical text of any value; the others
// compare strings by bytes (case-sensitive) and numbers by value. A null value is empty: it
// matches IsEmpty, IsNot, DoesNotContain and IsNotOneOf only. Text columns evaluate the
// condition once per dictionary entry.
class AttributeMatcher {
public:
    // Throws std::invalid_argument for a wrong number of values, a value that is no number
    // against a numeric column, or an invalid regular expression.
    AttributeMatcher(const ViewColumn& column, const AttributeCondition& condition);

    bool matches(size_t row) const;

private:
    struct Number {
        bool integral = false;
        int64_t integer = 0;
        double real = 0;
    };
    static Number number_of(const AttributeValue& value);
    Number row_number(size_t row) const;
    bool matches_text(std::string_view text) const;
    bool matches_number(const Number& value) const;

    const ViewColumn& column_;
    CompareMethod method_;
    std::vector<std::string> texts_;  // the operands as text
    std::vector<Number> numbers_;     // the operands as numbers, for numeric columns
    std::optional<std::regex> regex_;
    std::vector<char> code_matches_;  // per dictionary code, for text columns
};

}  // namespace pmstudio::mining
