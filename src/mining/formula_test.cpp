#include "mining/formula.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "mining/operator_settings.h"

namespace pmstudio::mining {
namespace {

double evaluate(const std::string& text, const std::vector<double>& values = {}) {
    return Formula(text).evaluate(values);
}

std::string error_of(const std::string& text) {
    try {
        Formula formula(text);
    } catch (const OperatorError& error) {
        return error.what();
    }
    return "no error";
}

TEST(FormulaTest, PrecedenceAndAssociativity) {
    EXPECT_DOUBLE_EQ(evaluate("2 + 3 * 4"), 14.0);
    EXPECT_DOUBLE_EQ(evaluate("(2 + 3) * 4"), 20.0);
    EXPECT_DOUBLE_EQ(evaluate("10 - 4 - 3"), 3.0);
    EXPECT_DOUBLE_EQ(evaluate("64 / 4 / 2"), 8.0);
    EXPECT_DOUBLE_EQ(evaluate("-2 * -3"), 6.0);
    EXPECT_DOUBLE_EQ(evaluate("- (1 - 4) * 2"), 6.0);
    EXPECT_DOUBLE_EQ(evaluate("+1.5e2 + .5"), 150.5);
    EXPECT_DOUBLE_EQ(evaluate("((((7))))"), 7.0);
}

TEST(FormulaTest, IdentifiersOnceInOrderOfFirstUse) {
    const Formula formula("completed / total * 100 + completed_2 - completed");
    EXPECT_EQ(formula.identifiers(),
              (std::vector<std::string>{"completed", "total", "completed_2"}));
    EXPECT_DOUBLE_EQ(formula.evaluate(std::vector<double>{3, 4, 1}), 3.0 / 4 * 100 + 1 - 3);
}

TEST(FormulaTest, DivisionByZeroIsNotFinite) {
    EXPECT_TRUE(std::isinf(evaluate("1 / 0")));
    EXPECT_TRUE(std::isnan(evaluate("0 / 0")));
}

TEST(FormulaTest, SyntaxErrorsSayWhatAndWhere) {
    EXPECT_EQ(error_of(""), "Formula '' is empty (at character 1)");
    EXPECT_EQ(error_of("a + * b"),
              "Formula 'a + * b' has '*' where a number, a name or '(' should be (at character 5)");
    EXPECT_EQ(error_of("(a + b"), "Formula '(a + b' lacks a ')' (at character 7)");
    EXPECT_EQ(error_of("a b"), "Formula 'a b' has an unexpected 'b' (at character 3)");
    EXPECT_EQ(error_of("a +"),
              "Formula 'a +' ends where a number, a name or '(' should follow (at character 4)");
    EXPECT_EQ(error_of("1.2.3"), "Formula '1.2.3' has an unexpected '.' (at character 4)");
    EXPECT_EQ(error_of("a % b"), "Formula 'a % b' has an unexpected '%' (at character 3)");
    EXPECT_NE(error_of(std::string(1000, '(') + "1" + std::string(1000, ')')).find("too deeply"),
              std::string::npos);
}

}  // namespace
}  // namespace pmstudio::mining
