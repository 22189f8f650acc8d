// CalculatorRate, CalculatorTrend, CalculatorValueOverTime and CalculatorPivotOneRow on the running
// example. Case durations in minutes: 1 11722, 2 12993, 3 22813, 4 8682, 5 26274, 6 14205; events
// per case 5, 5, 9, 5, 13, 5; Costs per case 950, 950, 1850, 950, 2750, 950 (8400 in all).
// Filter operators are not part of this branch, so nested filter lists stay empty here.
#include <gtest/gtest.h>

#include "mining/analysis_calculator_parts.h"
#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

constexpr double kMinutesPerHour = 60;

TEST(RateCalculatorTest, SharesCountsAndTheAggregate) {
    const AnalysisState state = running_example_state();
    const auto mean_cost = run("CalculatorRate",
                               {{"Function", 4},
                                {"ValueColumnName", "Costs"},
                                {"FilterListSettings", R"({"FilterSettingsList": []})"}},
                               state);
    const ResultTable& values = mean_cost.tables.at(0);
    EXPECT_EQ(values.name, "Values");
    EXPECT_EQ(value_of(values, "Percent"), 100.0);
    EXPECT_EQ(value_of(values, "Count"), 6);
    EXPECT_EQ(value_of(values, "Total"), 6);
    EXPECT_DOUBLE_EQ(value_of(values, "Aggregate").get<double>(), 200.0);  // 8400 / 42 events

    const auto events =
        run("CalculatorRate", {{"Function", 2}, {"ValueColumnName", "~calc~EventCount"}}, state);
    EXPECT_DOUBLE_EQ(value_of(events.tables.at(0), "Aggregate").get<double>(), 42.0);
    const auto defaults = run("CalculatorRate", Json::object(), state);
    EXPECT_DOUBLE_EQ(value_of(defaults.tables.at(0), "Aggregate").get<double>(), 100.0);
}

TEST(RateCalculatorTest, NestedEntriesMustBeFiltersAndFunctionsNeedTheirColumn) {
    const AnalysisState state = running_example_state();
    const Json not_a_filter = {
        {"FilterListSettings",
         {{"FilterSettingsList",
           {{{"OperatorName", "CalculatorCaseCount"}, {"JsonText", "{}"}}}}}}};
    try {
        run("CalculatorRate", not_a_filter, state);
        FAIL() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_NE(std::string(error.what()).find("FilterListSettings[0]"), std::string::npos)
            << error.what();
    }
    EXPECT_THROW(run("CalculatorRate", {{"Function", 2}}, state), OperatorError);
    EXPECT_THROW(
        run("CalculatorRate", {{"Function", 4}, {"ValueColumnName", "org:resource"}}, state),
        OperatorError);
    EXPECT_THROW(run("CalculatorRate", {{"Function", 4}, {"ValueColumnName", "Nope"}}, state),
                 OperatorError);
}

TEST(TrendCalculatorTest, ChangeAndWhetherItIsGood) {
    const TrendChange up = trend_change(40, 50, true);
    EXPECT_EQ(up.change, 10);
    EXPECT_EQ(up.percent, 25);
    EXPECT_EQ(up.good, true);
    EXPECT_EQ(trend_change(40, 50, false).good, false);
    const TrendChange down = trend_change(-40, -50, false);
    EXPECT_EQ(down.percent, -25);
    EXPECT_EQ(down.good, true);
    EXPECT_FALSE(trend_change(0, 5, true).percent.has_value());
    EXPECT_FALSE(trend_change(5, 5, true).good.has_value());
    EXPECT_FALSE(trend_change(std::nullopt, 5, true).change.has_value());
}

TEST(TrendCalculatorTest, GroupsWithBreakdown) {
    const auto output = run("CalculatorTrend",
                            {{"TrendGroupName1", "Before"},
                             {"Function", 4},
                             {"ValueColumnName", "~calc~CaseDuration"},
                             {"TimespanAggregateDurationType", 3},
                             {"BreakdownAttributeName", "~calc~EndActivity"},
                             {"FilterListSettings1", R"({"FilterSettingsList": []})"}},
                            running_example_state());
    const ResultTable& trend = output.tables.at(0);
    EXPECT_EQ(trend.name, "Trend");
    ASSERT_EQ(trend.rows.size(), 3U);
    EXPECT_EQ(cell(trend, 0, "Breakdown"), "All");
    EXPECT_NEAR(cell(trend, 0, "Group 1").get<double>(), 96689.0 / 6 / kMinutesPerHour, 1e-9);
    EXPECT_NEAR(cell(trend, 0, "Group 2").get<double>(), 96689.0 / 6 / kMinutesPerHour, 1e-9);
    EXPECT_EQ(cell(trend, 0, "Change"), 0.0);
    EXPECT_EQ(cell(trend, 0, "Change Percent"), 0.0);
    EXPECT_TRUE(cell(trend, 0, "Is Good").is_null());
    EXPECT_EQ(cell(trend, 0, "Group 1 Cases"), 6);
    EXPECT_EQ(cell(trend, 1, "Breakdown"), "pay compensation");
    EXPECT_NEAR(cell(trend, 1, "Group 1").get<double>(), 50011.0 / 3 / kMinutesPerHour, 1e-9);
    EXPECT_EQ(cell(trend, 2, "Breakdown"), "reject request");
    EXPECT_NEAR(cell(trend, 2, "Group 2").get<double>(), 46678.0 / 3 / kMinutesPerHour, 1e-9);
    EXPECT_EQ(cell(trend, 2, "Group 2 Cases"), 3);
    EXPECT_EQ(output.details["groupName1"], "Before");
    EXPECT_EQ(output.details["groupName2"], "Group 2");
}

TEST(TrendCalculatorTest, CompareActivitiesUsesTheChosenOccurrence) {
    const AnalysisState state = running_example_state();
    // Cases with "reinitiate request": 3 and 5 of 6; the last one's Costs is 200 in each.
    const auto share = run(
        "CalculatorTrend",
        {{"TrendType", 2}, {"ValueActivityName", "reinitiate request"}, {"Function", 9}}, state);
    EXPECT_NEAR(cell(share.tables.at(0), 0, "Group 1").get<double>(), 100.0 / 3, 1e-9);
    const auto cost = run("CalculatorTrend",
                          {{"TrendType", 2},
                           {"ValueActivityName", "examine casually"},
                           {"ActivitySelection", 2},
                           {"Function", 2},
                           {"ValueColumnName", "Costs"}},
                          state);
    // Cases 2, 3, 5, 6 have "examine casually", each event costing 400.
    EXPECT_DOUBLE_EQ(cell(cost.tables.at(0), 0, "Group 2").get<double>(), 1600.0);
    EXPECT_THROW(run("CalculatorTrend", {{"TrendType", 2}}, state), OperatorError);
}

TEST(ValueOverTimeCalculatorTest, CasesPerIsoWeekQuarterAndYear) {
    const AnalysisState state = running_example_state();
    const auto weeks = run("CalculatorValueOverTime", {{"OverTimePeriod", 2}}, state);
    const ResultTable& values = weeks.tables.at(0);
    EXPECT_EQ(values.name, "Values");
    ASSERT_EQ(values.rows.size(), 2U);
    EXPECT_EQ(cell(values, 0, "Period"), "2010-W52");
    EXPECT_EQ(cell(values, 0, "Period Start"), "2010-12-27T00:00:00Z");
    EXPECT_EQ(cell(values, 0, "Value"), 3.0);
    EXPECT_EQ(cell(values, 1, "Period"), "2011-W01");
    EXPECT_EQ(cell(values, 1, "Case Count"), 3);

    const auto quarters = run("CalculatorValueOverTime", {{"OverTimePeriod", 4}}, state);
    EXPECT_EQ(cell(quarters.tables.at(0), 0, "Period"), "2010 Q4");
    EXPECT_EQ(cell(quarters.tables.at(0), 1, "Period"), "2011 Q1");
    const auto years = run("CalculatorValueOverTime", {{"OverTimePeriod", 5}}, state);
    EXPECT_EQ(cell(years.tables.at(0), 1, "Period"), "2011");
    EXPECT_EQ(cell(years.tables.at(0), 1, "Value"), 3.0);
}

TEST(ValueOverTimeCalculatorTest, DaysOfAnActivityWithGapsAndTheLatestPeriods) {
    // "pay compensation" ends cases 2 (2011-01-08), 3 (01-15) and 6 (01-16), UTC days.
    const auto output = run("CalculatorValueOverTime",
                            {{"DateActivityName", "pay compensation"},
                             {"OverTimePeriod", 1},
                             {"Function", 2},
                             {"ValueColumnName", "Costs"}},
                            running_example_state());
    const ResultTable& all = output.tables.at(0);
    ASSERT_EQ(all.rows.size(), 9U);  // 01-08 ... 01-16, empty days included
    EXPECT_EQ(cell(all, 0, "Period"), "2011-01-08");
    EXPECT_EQ(cell(all, 0, "Value"), 950.0);
    EXPECT_EQ(cell(all, 1, "Value"), 0.0);
    EXPECT_EQ(cell(all, 1, "Case Count"), 0);

    const auto latest = run("CalculatorValueOverTime",
                            {{"DateActivityName", "pay compensation"},
                             {"OverTimePeriod", 1},
                             {"MaxTimePeriods", 3},
                             {"Function", 4},
                             {"ValueColumnName", "Costs"}},
                            running_example_state());
    const ResultTable& last = latest.tables.at(0);
    ASSERT_EQ(last.rows.size(), 3U);
    EXPECT_EQ(cell(last, 0, "Period"), "2011-01-14");
    EXPECT_TRUE(cell(last, 0, "Value").is_null());  // the mean of nothing
    EXPECT_EQ(cell(last, 1, "Period Start"), "2011-01-15T00:00:00Z");
    EXPECT_DOUBLE_EQ(cell(last, 1, "Value").get<double>(), 1850.0 / 9);
    EXPECT_EQ(cell(last, 2, "Value"), 190.0);  // 950 / 5 events
}

TEST(ValueOverTimeCalculatorTest, DateColumnMustBeADate) {
    EXPECT_THROW(run("CalculatorValueOverTime", {{"DateAttributeName", "org:resource"}},
                     running_example_state()),
                 OperatorError);
}

TEST(PivotCalculatorTest, CaseCategoriesWithAggregationsAndSorting) {
    const Json aggregations = {
        {{"Function", 1}},
        {{"Function", 4}, {"ValueColumnName", "~calc~EventCount"}, {"ColumnTitle", "Mean Events"}}};
    const AnalysisState state = running_example_state();
    const auto by_count = run(
        "CalculatorPivotOneRow",
        {{"CategoryColumnNames", {"~calc~EndActivity"}}, {"AggregationSettingsList", aggregations}},
        state);
    const ResultTable& pivot = by_count.tables.at(0);
    EXPECT_EQ(pivot.name, "Pivot");
    ASSERT_EQ(pivot.columns.size(), 3U);
    EXPECT_EQ(pivot.columns[1].name, "Count");
    ASSERT_EQ(pivot.rows.size(), 2U);
    EXPECT_EQ(cell(pivot, 0, "~calc~EndActivity"), "pay compensation");  // tie: category order
    EXPECT_EQ(cell(pivot, 0, "Count"), 3.0);
    EXPECT_DOUBLE_EQ(cell(pivot, 0, "Mean Events").get<double>(), 19.0 / 3);

    const auto by_mean = run("CalculatorPivotOneRow",
                             {{"CategoryColumnNames", {"~calc~EndActivity"}},
                              {"AggregationSettingsList", aggregations},
                              {"SortColumnName", "mean events"}},
                             state);
    EXPECT_EQ(cell(by_mean.tables.at(0), 0, "~calc~EndActivity"), "reject request");
    EXPECT_DOUBLE_EQ(cell(by_mean.tables.at(0), 0, "Mean Events").get<double>(), 23.0 / 3);
    EXPECT_THROW(
        run("CalculatorPivotOneRow",
            {{"CategoryColumnNames", {"~calc~EndActivity"}}, {"SortColumnName", "Nope"}}, state),
        OperatorError);
}

TEST(PivotCalculatorTest, EventCategoriesCountEvents) {
    const auto output = run("CalculatorPivotOneRow",
                            {{"CategoryColumnNames", {"org:resource"}},
                             {"AggregationSettingsList", {{{"Function", 1}}, {{"Function", 9}}}},
                             {"MaxRows", 4}},
                            running_example_state());
    const ResultTable& pivot = output.tables.at(0);
    const std::vector<std::pair<std::string, double>> expected = {
        {"Sara", 12}, {"Mike", 11}, {"Ellen", 7}, {"Pete", 7}};
    ASSERT_EQ(pivot.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(cell(pivot, i, "org:resource"), expected[i].first);
        EXPECT_EQ(cell(pivot, i, "Count"), expected[i].second);
        EXPECT_DOUBLE_EQ(cell(pivot, i, "Percent").get<double>(), 100 * expected[i].second / 42);
    }
}

}  // namespace
}  // namespace pmstudio::mining
