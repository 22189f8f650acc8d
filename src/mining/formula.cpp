#include "mining/formula.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "mining/operator_settings.h"

namespace pmstudio::mining {

// Recursive descent, emitting the postfix program:
//   expression := term (("+" | "-") term)*
//   term       := factor (("*" | "/") factor)*
//   factor     := ("-" | "+") factor | number | identifier | "(" expression ")"
class FormulaParser {
public:
    FormulaParser(std::string_view text, Formula& formula) : text_(text), formula_(formula) {}

    void parse() {
        if (skip_spaces() == '\0') throw error("is empty");
        expression();
        if (skip_spaces() != '\0') throw error(fmt::format("has an unexpected '{}'", text_[at_]));
    }

private:
    // Deeper nesting than this is no formula a person wrote; stop before the stack would.
    static constexpr int kMaxDepth = 200;

    void expression() {
        term();
        for (char op = skip_spaces(); op == '+' || op == '-'; op = skip_spaces()) {
            ++at_;
            term();
            emit(op == '+' ? Formula::Op::Add : Formula::Op::Subtract);
        }
    }

    void term() {
        factor();
        for (char op = skip_spaces(); op == '*' || op == '/'; op = skip_spaces()) {
            ++at_;
            factor();
            emit(op == '*' ? Formula::Op::Multiply : Formula::Op::Divide);
        }
    }

    void factor() {
        if (++depth_ > kMaxDepth) throw error("nests too deeply");
        const char next = skip_spaces();
        if (next == '-' || next == '+') {
            ++at_;
            factor();
            if (next == '-') emit(Formula::Op::Negate);
        } else if (next == '(') {
            ++at_;
            expression();
            if (skip_spaces() != ')') throw error("lacks a ')'");
            ++at_;
        } else if (std::isdigit(static_cast<unsigned char>(next)) != 0 || next == '.') {
            number();
        } else if (std::isalpha(static_cast<unsigned char>(next)) != 0 || next == '_') {
            identifier();
        } else {
            throw error(next == '\0' ? "ends where a number, a name or '(' should follow"
                                     : fmt::format("has '{}' where a number, a name or '(' "
                                                   "should be",
                                                   next));
        }
        --depth_;
    }

    void number() {
        double value = 0;
        const char* begin = text_.data() + at_;
        const auto [end, failure] = std::from_chars(begin, text_.data() + text_.size(), value);
        if (failure != std::errc()) throw error("has a malformed number");
        at_ += static_cast<size_t>(end - begin);
        formula_.program_.push_back({.op = Formula::Op::Number, .number = value});
    }

    void identifier() {
        const size_t begin = at_;
        while (at_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[at_])) != 0 || text_[at_] == '_')) {
            ++at_;
        }
        const std::string name(text_.substr(begin, at_ - begin));
        auto& names = formula_.identifiers_;
        const auto found = std::find(names.begin(), names.end(), name);
        const auto index = static_cast<size_t>(found - names.begin());
        if (found == names.end()) names.push_back(name);
        formula_.program_.push_back({.op = Formula::Op::Identifier, .identifier = index});
    }

    void emit(Formula::Op op) { formula_.program_.push_back({.op = op}); }

    // The next character that is not a space, without consuming it; '\0' at the end.
    char skip_spaces() {
        while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])) != 0) {
            ++at_;
        }
        return at_ < text_.size() ? text_[at_] : '\0';
    }

    OperatorError error(const std::string& problem) const {
        return OperatorError(
            fmt::format("Formula '{}' {} (at character {})", text_, problem, at_ + 1));
    }

    std::string_view text_;
    Formula& formula_;
    size_t at_ = 0;
    int depth_ = 0;
};

Formula::Formula(std::string_view text) {
    FormulaParser(text, *this).parse();
}

double Formula::evaluate(std::span<const double> values) const {
    std::vector<double> stack;
    for (const Step& step : program_) {
        if (step.op == Op::Number || step.op == Op::Identifier) {
            stack.push_back(step.op == Op::Number ? step.number : values[step.identifier]);
            continue;
        }
        const double right = stack.back();
        if (step.op == Op::Negate) {
            stack.back() = -right;
            continue;
        }
        stack.pop_back();
        double& left = stack.back();
        switch (step.op) {
            case Op::Add:
                left += right;
                break;
            case Op::Subtract:
                left -= right;
                break;
            case Op::Multiply:
                left *= right;
                break;
            default:
                left /= right;
                break;
        }
    }
    return stack.back();
}

}  // namespace pmstudio::mining
