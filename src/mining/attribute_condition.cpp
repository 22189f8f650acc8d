#include "mining/attribute_condition.h"

#include <algorithm>
#include <charconv>
#include <compare>
#include <stdexcept>

namespace pmstudio::mining {
namespace {

bool is_text_method(CompareMethod method) {
    switch (method) {
        case CompareMethod::Contains:
        case CompareMethod::DoesNotContain:
        case CompareMethod::StartsWith:
        case CompareMethod::EndsWith:
        case CompareMethod::MatchesRegex:
            return true;
        default:
            return false;
    }
}

bool matches_null(CompareMethod method) {
    return method == CompareMethod::IsEmpty || method == CompareMethod::IsNot ||
           method == CompareMethod::DoesNotContain || method == CompareMethod::IsNotOneOf;
}

size_t expected_values(CompareMethod method, size_t given) {
    switch (method) {
        case CompareMethod::Between:
            return 2;
        case CompareMethod::IsEmpty:
        case CompareMethod::IsNotEmpty:
            return 0;
        case CompareMethod::IsOneOf:
        case CompareMethod::IsNotOneOf:
            return given;
        default:
            return 1;
    }
}

std::string text_of(const AttributeValue& value) {
    struct Text {
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const { return eventlog::double_value_text(v); }
        std::string operator()(const std::string& v) const { return v; }
    };
    return std::visit(Text{}, value);
}

template <class T>
bool parse_all(std::string_view text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

AttributeMatcher::AttributeMatcher(const ViewColumn& column, const AttributeCondition& condition)
    : column_(column), method_(condition.method) {
    const size_t given = condition.values.size();
    if (given != expected_values(method_, given)) {
        throw std::invalid_argument("compare method " + std::to_string(static_cast<int>(method_)) +
                                    " on column '" + condition.column + "' takes " +
                                    std::to_string(expected_values(method_, given)) +
                                    " value(s), not " + std::to_string(given));
    }
    for (const AttributeValue& value : condition.values) texts_.push_back(text_of(value));
    if (method_ == CompareMethod::MatchesRegex) {
        try {
            regex_.emplace(texts_[0]);
        } catch (const std::regex_error& error) {
            throw std::invalid_argument("invalid regular expression '" + texts_[0] +
                                        "': " + error.what());
        }
    }
    if (column.type() != eventlog::ValueType::String && !is_text_method(method_)) {
        for (const AttributeValue& value : condition.values) numbers_.push_back(number_of(value));
    }
    if (column.has_dictionary()) {
        for (const std::string& entry : column.dictionary()) {
            code_matches_.push_back(matches_text(entry) ? 1 : 0);
        }
    }
}

AttributeMatcher::Number AttributeMatcher::number_of(const AttributeValue& value) {
    if (const auto* flag = std::get_if<bool>(&value)) return {true, *flag ? 1 : 0, *flag ? 1.0 : 0};
    if (const auto* integer = std::get_if<int64_t>(&value)) {
        return {true, *integer, static_cast<double>(*integer)};
    }
    if (const auto* real = std::get_if<double>(&value)) return {false, 0, *real};
    const auto& text = std::get<std::string>(value);
    Number number;
    if (parse_all(text, number.integer)) {
        number.integral = true;
        number.real = static_cast<double>(number.integer);
    } else if (!parse_all(text, number.real)) {
        throw std::invalid_argument("'" + text + "' is not a number");
    }
    return number;
}

AttributeMatcher::Number AttributeMatcher::row_number(size_t row) const {
    if (column_.type() == eventlog::ValueType::Double) return {false, 0, column_.double_value(row)};
    const int64_t value = column_.int_value(row);
    return {true, value, static_cast<double>(value)};
}

bool AttributeMatcher::matches(size_t row) const {
    if (column_.is_null(row)) return matches_null(method_);
    if (column_.has_dictionary()) return code_matches_[column_.code(row)] != 0;
    if (column_.type() == eventlog::ValueType::String || is_text_method(method_)) {
        return matches_text(column_.text(row));
    }
    return matches_number(row_number(row));
}

bool AttributeMatcher::matches_text(std::string_view text) const {
    const auto is_listed = [&] {
        return std::find(texts_.begin(), texts_.end(), text) != texts_.end();
    };
    switch (method_) {
        case CompareMethod::Is:
            return text == texts_[0];
        case CompareMethod::IsNot:
            return text != texts_[0];
        case CompareMethod::Contains:
            return text.find(texts_[0]) != std::string_view::npos;
        case CompareMethod::DoesNotContain:
            return text.find(texts_[0]) == std::string_view::npos;
        case CompareMethod::StartsWith:
            return text.starts_with(texts_[0]);
        case CompareMethod::EndsWith:
            return text.ends_with(texts_[0]);
        case CompareMethod::GreaterThan:
            return text > texts_[0];
        case CompareMethod::GreaterThanOrEqual:
            return text >= texts_[0];
        case CompareMethod::LessThan:
            return text < texts_[0];
        case CompareMethod::LessThanOrEqual:
            return text <= texts_[0];
        case CompareMethod::Between:
            return texts_[0] <= text && text <= texts_[1];
        case CompareMethod::IsEmpty:
            return text.empty();
        case CompareMethod::IsNotEmpty:
            return !text.empty();
        case CompareMethod::IsOneOf:
            return is_listed();
        case CompareMethod::IsNotOneOf:
            return !is_listed();
        case CompareMethod::MatchesRegex:
            return std::regex_search(text.begin(), text.end(), *regex_);
    }
    return false;
}

bool AttributeMatcher::matches_number(const Number& value) const {
    const auto compare = [&](const Number& operand) -> std::partial_ordering {
        if (value.integral && operand.integral) return value.integer <=> operand.integer;
        return value.real <=> operand.real;
    };
    const auto is_listed = [&] {
        return std::any_of(numbers_.begin(), numbers_.end(),
                           [&](const Number& operand) { return std::is_eq(compare(operand)); });
    };
    switch (method_) {
        case CompareMethod::Is:
            return std::is_eq(compare(numbers_[0]));
        case CompareMethod::IsNot:
            return std::is_neq(compare(numbers_[0]));
        case CompareMethod::GreaterThan:
            return std::is_gt(compare(numbers_[0]));
        case CompareMethod::GreaterThanOrEqual:
            return std::is_gteq(compare(numbers_[0]));
        case CompareMethod::LessThan:
            return std::is_lt(compare(numbers_[0]));
        case CompareMethod::LessThanOrEqual:
            return std::is_lteq(compare(numbers_[0]));
        case CompareMethod::Between:
            return std::is_gteq(compare(numbers_[0])) && std::is_lteq(compare(numbers_[1]));
        case CompareMethod::IsNotEmpty:
            return true;
        case CompareMethod::IsOneOf:
            return is_listed();
        case CompareMethod::IsNotOneOf:
            return !is_listed();
        default:  // IsEmpty; text methods never get here
            return false;
    }
}

}  // namespace pmstudio::mining
