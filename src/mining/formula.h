#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::mining {

// An arithmetic formula over named figures (CalculatorFormula): decimal numbers, identifiers
// ([A-Za-z_][A-Za-z0-9_]*), + - * /, unary minus and parentheses, with the usual precedence and
// left associativity.
class Formula {
public:
    // Throws OperatorError saying what is wrong where.
    explicit Formula(std::string_view text);

    // The identifiers, each once, in order of first use.
    const std::vector<std::string>& identifiers() const { return identifiers_; }
    // The value, values[i] standing for identifiers()[i]. IEEE arithmetic: x / 0 gives an
    // infinity or NaN.
    double evaluate(std::span<const double> values) const;

private:
    friend class FormulaParser;
    enum class Op : uint8_t { Number, Identifier, Add, Subtract, Multiply, Divide, Negate };
    struct Step {
        Op op;
        double number = 0;      // Number
        size_t identifier = 0;  // Identifier: index into identifiers_
    };

    std::vector<Step> program_;  // postfix
    std::vector<std::string> identifiers_;
};

}  // namespace pmstudio::mining
