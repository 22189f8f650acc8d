// CalculatorConformance, CalculatorProcessPerformanceMatrix and
// CalculatorResourcePerformanceVsConformance on the running example. Cases 3 and 5 repeat
// activities (~calc~CaseWithRepetition); durations in minutes: 1 11722, 2 12993, 3 22813, 4 8682,
// 5 26274, 6 14205.
#include <gtest/gtest.h>

#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

constexpr double kMinutesPerDay = 1440;

const Json kHappyPath = {"register request", "examine casually", "check ticket", "decide",
                         "pay compensation"};

TEST(ConformanceCalculatorTest, FitnessAndDeviationsPerCase) {
    const auto output =
        run("CalculatorConformance", {{"ExpectedOrder", kHappyPath}}, running_example_state());
    ASSERT_EQ(output.tables.size(), 3U);
    const ResultTable& cases = output.tables[0];
    // Case, fitness 2 x matched / (events + 5), missing, extra, out of order.
    const std::vector<std::tuple<std::string, double, int, int, int>> expected = {
        {"1", 6.0 / 10, 2, 2, 0}, {"2", 8.0 / 10, 0, 0, 1}, {"3", 10.0 / 14, 0, 4, 0},
        {"4", 6.0 / 10, 2, 2, 0}, {"5", 8.0 / 18, 1, 9, 0}, {"6", 1.0, 0, 0, 0}};
    ASSERT_EQ(cases.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [id, fitness, missing, extra, out_of_order] = expected[i];
        EXPECT_EQ(cell(cases, i, "Case Id"), id);
        EXPECT_DOUBLE_EQ(cell(cases, i, "Fitness").get<double>(), fitness) << id;
        EXPECT_EQ(cell(cases, i, "Missing"), missing) << id;
        EXPECT_EQ(cell(cases, i, "Extra"), extra) << id;
        EXPECT_EQ(cell(cases, i, "Out Of Order"), out_of_order) << id;
        EXPECT_EQ(cell(cases, i, "Is Conforming"), id == "6") << id;
    }

    const ResultTable& deviations = output.tables[1];
    const std::vector<std::tuple<std::string, std::string, int>> ranked = {
        {"Missing", "pay compensation", 3},     {"Extra", "examine thoroughly", 3},
        {"Extra", "reject request", 3},         {"Missing", "examine casually", 2},
        {"Extra", "check ticket", 2},           {"Extra", "decide", 2},
        {"Extra", "reinitiate request", 2},     {"Extra", "examine casually", 1},
        {"Out Of Order", "examine casually", 1}};
    ASSERT_EQ(deviations.rows.size(), ranked.size());
    for (size_t i = 0; i < ranked.size(); ++i) {
        const auto& [kind, activity, count] = ranked[i];
        EXPECT_EQ(cell(deviations, i, "Deviation"), kind) << i;
        EXPECT_EQ(cell(deviations, i, "Activity"), activity) << i;
        EXPECT_EQ(cell(deviations, i, "Case Count"), count) << i;
    }
    EXPECT_DOUBLE_EQ(cell(deviations, 0, "Percent Of Cases").get<double>(), 50.0);

    const ResultTable& values = output.tables[2];
    EXPECT_EQ(value_of(values, "Conforming Cases"), 1);
    EXPECT_DOUBLE_EQ(value_of(values, "Conforming Percent").get<double>(), 100.0 / 6);
    EXPECT_DOUBLE_EQ(value_of(values, "Average Fitness").get<double>(),
                     (0.6 + 0.8 + 10.0 / 14 + 0.6 + 8.0 / 18 + 1) / 6);
}

TEST(ConformanceCalculatorTest, NeedsAnExpectedOrder) {
    try {
        run("CalculatorConformance", {{"ModelText", "<definitions/>"}}, running_example_state());
        FAIL() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_STREQ(error.what(), "ModelText is not supported; use ExpectedOrder");
    }
    EXPECT_THROW(run("CalculatorConformance", Json::object(), running_example_state()),
                 OperatorError);
}

TEST(PerformanceMatrixCalculatorTest, CountsByCategoryAndConformance) {
    eventlog::Column speed;
    speed.name = "Speed";
    speed.type = eventlog::ValueType::String;
    speed.dictionary = {"Fast", "Slow"};
    speed.codes = {0, 1, 1, 0, 1, 0};
    speed.set_null(5);
    const AnalysisState state = running_example_state().with_attribute(speed);
    const auto output = run("CalculatorProcessPerformanceMatrix",
                            {{"ConformanceIssueAttribute", "~calc~CaseWithRepetition"},
                             {"PerformanceAttributeName", "Speed"}},
                            state);
    const ResultTable& matrix = output.tables.at(0);
    EXPECT_EQ(matrix.name, "Matrix");
    const std::vector<std::tuple<std::string, int, int>> expected = {
        {"Fast", 2, 0}, {"Slow", 1, 2}, {"Unknown", 1, 0}};
    ASSERT_EQ(matrix.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [category, conforming, not_conforming] = expected[i];
        EXPECT_EQ(cell(matrix, i, "Performance"), category);
        EXPECT_EQ(cell(matrix, i, "Conforming"), conforming) << category;
        EXPECT_EQ(cell(matrix, i, "Not Conforming"), not_conforming) << category;
        EXPECT_EQ(cell(matrix, i, "Total"), conforming + not_conforming) << category;
    }
    EXPECT_THROW(run("CalculatorProcessPerformanceMatrix",
                     {{"ConformanceIssueAttribute", "~calc~CaseWithRepetition"},
                      {"PerformanceAttributeName", "org:resource"}},
                     state),
                 OperatorError);
}

TEST(ResourcePerformanceCalculatorTest, CasesPerformanceAndConformancePerResource) {
    const auto output = run("CalculatorResourcePerformanceVsConformance",
                            {{"PerformanceColumnName", "~calc~CaseDuration"},
                             {"ConformanceColumnName", "~calc~CaseWithRepetition"},
                             {"MinimumCaseCount", 3},
                             {"MaxGroups", 4}},
                            running_example_state());
    const ResultTable& resources = output.tables.at(0);
    EXPECT_EQ(resources.name, "Resources");
    // Mean case duration in days of the cases each resource worked on.
    const std::vector<std::tuple<std::string, int, double, double>> expected = {
        {"Mike", 6, 96689.0 / 6, 400.0 / 6},
        {"Sara", 6, 96689.0 / 6, 400.0 / 6},
        {"Ellen", 5, 84967.0 / 5, 60},
        {"Pete", 4, 69491.0 / 4, 50}};
    ASSERT_EQ(resources.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [resource, count, minutes, rate] = expected[i];
        EXPECT_EQ(cell(resources, i, "Resource"), resource);
        EXPECT_EQ(cell(resources, i, "Case Count"), count) << resource;
        EXPECT_NEAR(cell(resources, i, "Performance").get<double>(), minutes / kMinutesPerDay, 1e-9)
            << resource;
        EXPECT_NEAR(cell(resources, i, "Conformance Rate").get<double>(), rate, 1e-9) << resource;
    }
}

TEST(ResourcePerformanceCalculatorTest, EventPerformanceCountsTheResourcesOwnEvents) {
    const auto output = run("CalculatorResourcePerformanceVsConformance",
                            {{"PerformanceColumnName", "Costs"},
                             {"PerformanceAggregationMethod", 2},
                             {"ConformanceColumnName", "~calc~CaseWithRepetition"}},
                            running_example_state());
    const ResultTable& resources = output.tables.at(0);
    ASSERT_EQ(resources.rows.size(), 6U);
    EXPECT_EQ(cell(resources, 4, "Resource"), "Sean");
    EXPECT_EQ(cell(resources, 4, "Performance"), 1200.0);  // three examinations
    EXPECT_EQ(cell(resources, 5, "Resource"), "Sue");
    EXPECT_EQ(cell(resources, 5, "Performance"), 800.0);
    EXPECT_EQ(cell(resources, 5, "Conformance Rate"), 50.0);
}

}  // namespace
}  // namespace pmstudio::mining
