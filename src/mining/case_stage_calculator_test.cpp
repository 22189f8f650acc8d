// CalculatorCaseStage on the running example. Case ends (UTC): 1 01-07 13:24, 2 01-08 11:05,
// 3 01-15 09:45, 4 01-12 14:44, 5 01-24 13:56, 6 01-16 10:47 (2011).
#include <gtest/gtest.h>

#include "eventlog/time_format.h"
#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

constexpr double kMinute = 60;  // seconds

OperatorContext at_2011_01_25() {
    OperatorContext context;
    context.now = *eventlog::civil_to_micros(2011, 1, 25, 0, 0, 0, 0);
    return context;
}

TEST(CaseStageCalculatorTest, WaitingSinceADateWithSeverityAttributesAndAlarms) {
    const Json settings = {
        {"StageName", "Review"},
        {"TimeColumnName", "~calc~CaseEnd"},
        {"MediumThreshold", "1.00:00:00"},
        {"HighThreshold", "10.00:00:00"},
        {"TimeSpanUnits", 4},
        {"GenerateAlarms", true},
        {"ListAttributes", {"~calc~EventCount"}},
        {"DetailAttributes", {"org:resource", "~calc~EventCount"}},
        {"MessageTemplate", "{CaseId} waits {WaitingTime} at {StageName}; last by {org:resource}"}};
    const auto output =
        run("CalculatorCaseStage", settings, running_example_state(), at_2011_01_25());
    ASSERT_EQ(output.tables.size(), 2U);
    const ResultTable& cases = output.tables[0];
    EXPECT_EQ(cases.name, "Cases");
    ASSERT_EQ(cases.columns.size(), 5U);
    EXPECT_EQ(cases.columns[3].name, "~calc~EventCount");
    EXPECT_EQ(cases.columns[4].name, "org:resource");
    EXPECT_EQ(cases.columns[1].type, "timespan");
    // Longest waiting first: minutes until 2011-01-25T00:00Z.
    const std::vector<std::tuple<std::string, double, std::string, int, std::string>> expected = {
        {"1", 25116, "High", 5, "Pete"},   {"2", 23815, "High", 5, "Ellen"},
        {"4", 17836, "High", 5, "Ellen"},  {"3", 13815, "Medium", 9, "Ellen"},
        {"6", 12313, "Medium", 5, "Mike"}, {"5", 604, "Low", 13, "Mike"}};
    ASSERT_EQ(cases.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [id, minutes, severity, events, resource] = expected[i];
        EXPECT_EQ(cell(cases, i, "Case Id"), id);
        EXPECT_DOUBLE_EQ(cell(cases, i, "Waiting Time").get<double>(), minutes * kMinute) << id;
        EXPECT_EQ(cell(cases, i, "Severity"), severity) << id;
        EXPECT_EQ(cell(cases, i, "~calc~EventCount"), events) << id;
        EXPECT_EQ(cell(cases, i, "org:resource"), resource) << id;
    }
    const ResultTable& alarms = output.tables[1];
    EXPECT_EQ(alarms.name, "Alarms");
    ASSERT_EQ(alarms.rows.size(), 5U);  // the Medium and High cases
    EXPECT_EQ(cell(alarms, 0, "Case Id"), "1");
    EXPECT_EQ(cell(alarms, 0, "Severity"), "High");
    EXPECT_EQ(cell(alarms, 0, "Message"), "1 waits 17.4 days at Review; last by Pete");
    EXPECT_EQ(cell(alarms, 4, "Message"), "6 waits 8.6 days at Review; last by Mike");
}

TEST(CaseStageCalculatorTest, FrozenTimeWinsOverNow) {
    AnalysisState state = running_example_state();
    state.frozen_now = *eventlog::civil_to_micros(2011, 1, 24, 14, 56, 0, 0);
    const auto output =
        run("CalculatorCaseStage", {{"StageName", "Review"}, {"TimeColumnName", "~calc~CaseEnd"}},
            state, at_2011_01_25());
    const ResultTable& cases = output.tables[0];
    EXPECT_EQ(cell(cases, 5, "Case Id"), "5");
    EXPECT_DOUBLE_EQ(cell(cases, 5, "Waiting Time").get<double>(), 60 * kMinute);
    EXPECT_EQ(cell(cases, 5, "Severity"), "Low");  // no thresholds
    EXPECT_TRUE(output.tables[1].rows.empty());    // no alarms unless asked for
}

// The exported settings of WaitingForBed.mcl, over a waiting time an enrichment derived.
TEST(CaseStageCalculatorTest, ExportedSettingsOverADerivedWaitingTime) {
    const char* exported =
        "{\r\n  \"StageName\": \"Bed Assignment\",\r\n  \"TimeColumnName\": \"WaitingForBed\",\r\n"
        "  \"MediumThreshold\": \"00:20:00\",\r\n  \"HighThreshold\": \"01:00:00\",\r\n"
        "  \"TimeSpanUnits\": 2,\r\n  \"GenerateAlarms\": false,\r\n  \"ListAttributes\": [],\r\n"
        "  \"DetailAttributes\": [],\r\n  \"MessageTemplate\": null,\r\n"
        "  \"FilterListSettings\": \"{\\r\\n  \\\"FilterSettingsList\\\": []\\r\\n}\"\r\n}";
    eventlog::Column waiting;
    waiting.name = "WaitingForBed";
    waiting.type = eventlog::ValueType::TimeSpan;
    for (int64_t minutes : {10, 20, 59, 60, 0, 5}) {
        waiting.ints.push_back(minutes * 60 * eventlog::kMicrosPerSecond);
    }
    waiting.set_null(4);
    const AnalysisState state = running_example_state().with_attribute(waiting);
    const auto output = run_operator("CalculatorCaseStage", exported, state, at_2011_01_25());
    const ResultTable& cases = output.tables[0];
    ASSERT_EQ(cases.columns.size(), 3U);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"4", "High"}, {"3", "Medium"}, {"2", "Medium"},
        {"1", "Low"},  {"6", "Low"},    {"5", "Unknown"}};
    ASSERT_EQ(cases.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(cell(cases, i, "Case Id"), expected[i].first);
        EXPECT_EQ(cell(cases, i, "Severity"), expected[i].second) << expected[i].first;
    }
    EXPECT_TRUE(cell(cases, 5, "Waiting Time").is_null());
    EXPECT_TRUE(output.tables[1].rows.empty());
}

TEST(CaseStageCalculatorTest, TimeColumnMustBeATimeAndExist) {
    const AnalysisState state = running_example_state();
    EXPECT_THROW(
        run("CalculatorCaseStage", {{"StageName", "S"}, {"TimeColumnName", "org:resource"}}, state),
        OperatorError);
    try {
        run("CalculatorCaseStage", {{"StageName", "S"}, {"TimeColumnName", "WaitingForBed"}},
            state);
        FAIL() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_STREQ(error.what(),
                     "Column 'WaitingForBed' of setting TimeColumnName does not exist");
    }
}

}  // namespace
}  // namespace pmstudio::mining
