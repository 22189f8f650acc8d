// The alerts on the running example: case durations in days 1 8.14, 2 9.02, 3 15.84, 4 6.03,
// 5 18.25, 6 9.86; events per case 5, 5, 9, 5, 13, 5; only case 6 follows the happy path.
#include "mining/alert_operators.h"

#include <gtest/gtest.h>

#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

constexpr double kMinutesPerHour = 60;

std::vector<std::string> case_ids(const OperatorOutput& output) {
    std::vector<std::string> ids;
    for (size_t row = 0; row < output.tables.at(0).rows.size(); ++row) {
        ids.push_back(cell(output.tables[0], row, "Case Id").get<std::string>());
    }
    return ids;
}

void expect_fired(const OperatorOutput& output, bool fired, uint64_t count) {
    ASSERT_TRUE(output.alert_triggered.has_value());
    EXPECT_EQ(*output.alert_triggered, fired);
    EXPECT_EQ(output.details["triggered"], fired);
    EXPECT_EQ(output.details["count"], count);
    EXPECT_EQ(output.tables.at(0).name, "Alert");
}

TEST(ThresholdAlertTest, SimpleConfigurationFiresForLongCases) {
    const AnalysisState state = running_example_state();
    const auto output = run("",
                            {{"alertType", "threshold"},
                             {"metric", "caseDuration"},
                             {"operator", "greaterThan"},
                             {"threshold", 400},
                             {"unit", "hours"},
                             {"severity", "high"}},
                            state);
    expect_fired(output, true, 1);
    const ResultTable& alert = output.tables[0];
    EXPECT_EQ(cell(alert, 0, "Case Id"), "5");
    EXPECT_DOUBLE_EQ(cell(alert, 0, "Value").get<double>(), 26274 / kMinutesPerHour);
    EXPECT_EQ(cell(alert, 0, "Severity"), "high");

    const auto quiet =
        run("ThresholdAlert",
            {{"alertType", "threshold"}, {"metric", "caseDuration"}, {"threshold", 1000}}, state);
    expect_fired(quiet, false, 0);
    EXPECT_TRUE(quiet.tables[0].rows.empty());
}

TEST(ThresholdAlertTest, CountMetrics) {
    const AnalysisState state = running_example_state();
    const auto events = run(
        "AlertThreshold",
        {{"Metric", "eventCount"}, {"Operator", "greaterThanOrEqual"}, {"Threshold", 9}}, state);
    expect_fired(events, true, 2);
    EXPECT_EQ(case_ids(events), (std::vector<std::string>{"3", "5"}));
    EXPECT_EQ(cell(events.tables[0], 1, "Value"), 13.0);
    EXPECT_EQ(cell(events.tables[0], 1, "Severity"), "medium");

    const auto few_cases =
        run("AlertThreshold",
            {{"Metric", "caseCount"}, {"Operator", "lessThan"}, {"Threshold", 10}}, state);
    expect_fired(few_cases, true, 1);
    EXPECT_TRUE(cell(few_cases.tables[0], 0, "Case Id").is_null());
    EXPECT_EQ(cell(few_cases.tables[0], 0, "Value"), 6.0);
    expect_fired(run("AlertThreshold", {{"Metric", "caseCount"}, {"Threshold", 10}}, state), false,
                 0);
}

const char* kHappyPath =
    "register request -> examine casually -> check ticket -> decide -> pay compensation";

TEST(PatternDeviationAlertTest, FiresAboveTheToleranceWithEnoughCases) {
    const AnalysisState state = running_example_state();
    const auto output = run("",
                            {{"alertType", "patternDeviation"},
                             {"baselinePattern", kHappyPath},
                             {"deviationTolerance", 0.5},
                             {"minOccurrences", 3}},
                            state);
    expect_fired(output, true, 5);
    EXPECT_EQ(case_ids(output), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
    EXPECT_EQ(cell(output.tables[0], 1, "Value"),
              "register request -> check ticket -> examine casually -> decide -> pay compensation");
    EXPECT_DOUBLE_EQ(output.details["deviationRate"].get<double>(), 5.0 / 6);

    const Json tolerant = {{"BaselinePattern", kHappyPath}, {"DeviationTolerance", 0.9}};
    expect_fired(run("AlertPatternDeviation", tolerant, state), false, 5);
    const Json rare = {{"BaselinePattern", kHappyPath}, {"MinOccurrences", 6}};
    expect_fired(run("AlertPatternDeviation", rare, state), false, 5);
    EXPECT_THROW(run("AlertPatternDeviation", {{"BaselinePattern", "a -> -> b"}}, state),
                 OperatorError);
}

TEST(ComplianceAlertTest, CasesMeetingTheConditionWithoutTheRequiredActivity) {
    const AnalysisState state = running_example_state();
    // Cases 2, 5 and 6 lack "examine thoroughly"; each has a 400 examination.
    const auto output = run("",
                            {{"alertType", "compliance"},
                             {"rule", "thoroughExamination"},
                             {"condition", "Costs >= 400"},
                             {"requiredActivity", "examine thoroughly"}},
                            state);
    expect_fired(output, true, 3);
    EXPECT_EQ(case_ids(output), (std::vector<std::string>{"2", "5", "6"}));
    EXPECT_EQ(cell(output.tables[0], 0, "Value"), "400");
    EXPECT_EQ(output.details["rule"], "thoroughExamination");

    const auto checked = run(
        "AlertCompliance",
        {{"Rule", "r"}, {"Condition", "Costs > 300"}, {"RequiredActivity", "check ticket"}}, state);
    expect_fired(checked, false, 0);

    const auto by_creator = run("AlertCompliance",
                                {{"Rule", "r"},
                                 {"Condition", "case:creator = 'Fluxicon Nitro'"},
                                 {"RequiredActivity", "pay compensation"},
                                 {"Severity", "critical"}},
                                state);
    expect_fired(by_creator, true, 3);
    EXPECT_EQ(case_ids(by_creator), (std::vector<std::string>{"1", "4", "5"}));
    EXPECT_EQ(cell(by_creator.tables[0], 0, "Value"), "Fluxicon Nitro");
    EXPECT_EQ(cell(by_creator.tables[0], 0, "Severity"), "critical");

    const auto unconditional =
        run("AlertCompliance", {{"Rule", "r"}, {"RequiredActivity", "pay compensation"}}, state);
    expect_fired(unconditional, true, 3);
    EXPECT_TRUE(cell(unconditional.tables[0], 0, "Value").is_null());
}

TEST(ComplianceAlertTest, ConditionErrorsNameTheProblem) {
    const AnalysisState state = running_example_state();
    try {
        run("AlertCompliance",
            {{"Rule", "r"}, {"Condition", "amount > 1000"}, {"RequiredActivity", "x"}}, state);
        FAIL() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_STREQ(error.what(), "Column 'amount' of setting Condition does not exist");
    }
    EXPECT_THROW(run("AlertCompliance",
                     {{"Rule", "r"}, {"Condition", "Costs"}, {"RequiredActivity", "x"}}, state),
                 OperatorError);
    EXPECT_THROW(
        run("AlertCompliance",
            {{"Rule", "r"}, {"Condition", "Costs > lots"}, {"RequiredActivity", "x"}}, state),
        OperatorError);
}

}  // namespace
}  // namespace pmstudio::mining
