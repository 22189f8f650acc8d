// CalculatorDecisionTree on the running example, outcome: cases repeating an activity (3 and 5;
// base rate 1/3). Resources per case: 1 Pete Sue Mike Sara; 2 Mike Sean Sara Ellen; 3 Pete Mike
// Ellen Sara Sean; 4 Pete Mike Sean Sara Ellen; 5 Ellen Mike Pete Sara Sue; 6 Mike Ellen Sara.
#include <gtest/gtest.h>

#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

Json settings(double likelihood_increase, int min_cases) {
    return {{"OutcomeName", "~calc~CaseWithRepetition"},
            {"InputColumnNames", {"org:resource"}},
            {"MinCaseCount", min_cases},
            {"MinPercent", 0},
            {"CategoryPercentThreshold", 0},
            {"LikelihoodIncreaseThreshold", likelihood_increase},
            {"PercentExplainedThreshold", 100},
            {"MaximumRootCauses", 5}};
}

// Pete (4 cases, 2 outcomes) and Pete AND Ellen (3 cases, 2 outcomes) both explain every outcome
// case; the higher rate wins.
TEST(DecisionTreeCalculatorTest, NarrowsToTheBestCombination) {
    const auto output = run("CalculatorDecisionTree", settings(25, 2), running_example_state());
    const ResultTable& causes = output.tables.at(0);
    EXPECT_EQ(causes.name, "RootCauses");
    ASSERT_EQ(causes.rows.size(), 1U);
    EXPECT_EQ(cell(causes, 0, "Root Cause"), "org:resource = Ellen AND org:resource = Pete");
    EXPECT_EQ(cell(causes, 0, "Case Count"), 3);
    EXPECT_EQ(cell(causes, 0, "Outcome Count"), 2);
    EXPECT_DOUBLE_EQ(cell(causes, 0, "Outcome Rate").get<double>(), 200.0 / 3);
    EXPECT_DOUBLE_EQ(cell(causes, 0, "Lift").get<double>(), 2.0);
    EXPECT_EQ(output.details["outcomeCount"], 2);
    EXPECT_DOUBLE_EQ(output.details["baseRate"].get<double>(), 100.0 / 3);
    EXPECT_DOUBLE_EQ(output.details["percentExplained"].get<double>(), 100.0);
}

// Only Ellen AND Sue (case 5 alone) reaches 2.5 times the base rate; case 3 stays unexplained.
TEST(DecisionTreeCalculatorTest, LikelihoodThresholdAndMinimumCases) {
    const auto single = run("CalculatorDecisionTree", settings(150, 1), running_example_state());
    const ResultTable& causes = single.tables.at(0);
    ASSERT_EQ(causes.rows.size(), 1U);
    EXPECT_EQ(cell(causes, 0, "Root Cause"), "org:resource = Ellen AND org:resource = Sue");
    EXPECT_DOUBLE_EQ(cell(causes, 0, "Lift").get<double>(), 3.0);
    EXPECT_DOUBLE_EQ(single.details["percentExplained"].get<double>(), 50.0);

    const auto none = run("CalculatorDecisionTree", settings(150, 2), running_example_state());
    EXPECT_TRUE(none.tables.at(0).rows.empty());
}

TEST(DecisionTreeCalculatorTest, AutoInputFindsTheActivity) {
    Json auto_input = settings(100, 2);
    auto_input.erase("InputColumnNames");
    const auto output = run("CalculatorDecisionTree", auto_input, running_example_state());
    const ResultTable& causes = output.tables.at(0);
    ASSERT_EQ(causes.rows.size(), 1U);
    EXPECT_EQ(cell(causes, 0, "Root Cause"), "concept:name = reinitiate request");
    EXPECT_DOUBLE_EQ(cell(causes, 0, "Outcome Rate").get<double>(), 100.0);
}

TEST(DecisionTreeCalculatorTest, NeedsABooleanOutcome) {
    const AnalysisState state = running_example_state();
    EXPECT_THROW(run("CalculatorDecisionTree", Json::object(), state), OperatorError);
    EXPECT_THROW(run("CalculatorDecisionTree", {{"OutcomeName", "org:resource"}}, state),
                 OperatorError);
}

}  // namespace
}  // namespace pmstudio::mining
