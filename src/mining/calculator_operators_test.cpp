// The process calculators on figures worked out by hand: the running example (CSV, true UTC
// instants; six cases of 42 events) and small hand-written logs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eventlog/test_log_support.h"
#include "mining/operator_test_support.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// No case at all.
AnalysisState empty_view() {
    return AnalysisState(running_example_state().view.where_cases([](uint32_t) { return false; }));
}

// The first cell of each row.
std::vector<std::string> labels(const ResultTable& table) {
    std::vector<std::string> out;
    for (const auto& row : table.rows) out.push_back(row[0].get<std::string>());
    return out;
}

double number_of(const ResultTable& table, std::string_view label) {
    return cell_of(table, label).get<double>();
}

TEST(CalculatorOperatorsTest, DataInformationOfTheRunningExample) {
    const ResultTable& values =
        block_table("CalculatorDataInformation", "{}", running_example_state(), "Values");
    EXPECT_EQ(labels(values),
              (std::vector<std::string>{"Total Case Count", "Total Activity Count", "Activities",
                                        "Start Dataset Time", "End Dataset Time",
                                        "Dataset Timespan", "Average Case Time", "Median Case Time",
                                        "Variants", "Resources"}));
    EXPECT_EQ(cell_of(values, "Total Case Count"), 6);
    EXPECT_EQ(cell_of(values, "Total Activity Count"), 42);
    EXPECT_EQ(cell_of(values, "Activities"), 8);
    // Case 1 registers at 2010-12-30 11:02+01:00; case 5 is rejected at 2011-01-24 14:56+01:00.
    EXPECT_EQ(cell_of(values, "Start Dataset Time"), "2010-12-30T10:02:00Z");
    EXPECT_EQ(cell_of(values, "Start Dataset Time", "Type"), "datetime");
    EXPECT_EQ(cell_of(values, "End Dataset Time"), "2011-01-24T13:56:00Z");
    EXPECT_DOUBLE_EQ(number_of(values, "Dataset Timespan"), 2'174'040.0);
    EXPECT_EQ(cell_of(values, "Dataset Timespan", "Type"), "timespan");
    // Case durations 703320, 779580, 1368780, 520920, 1576440, 852300 s.
    EXPECT_DOUBLE_EQ(number_of(values, "Average Case Time"), 966'890.0);
    EXPECT_DOUBLE_EQ(number_of(values, "Median Case Time"), (779'580.0 + 852'300.0) / 2);
    EXPECT_EQ(cell_of(values, "Variants"), 6);
    EXPECT_EQ(cell_of(values, "Resources"), 6);
    EXPECT_EQ(cell_of(values, "Resources", "Type"), "integer");
}

TEST(CalculatorOperatorsTest, OverviewAddsEndpointsAndCompletedCases) {
    const ResultTable& values =
        block_table("CalculatorOverview", "{}", running_example_state(), "Values");
    EXPECT_EQ(values.rows.size(), 15U);
    EXPECT_EQ(cell_of(values, "Start Activities"), 1);
    EXPECT_EQ(cell_of(values, "End Activities"), 2);
    EXPECT_DOUBLE_EQ(number_of(values, "Mean Events Per Case"), 7.0);
    // Neither "pay compensation" nor "reject request" is ever followed by another activity.
    EXPECT_EQ(cell_of(values, "Completed Cases"), 6);
    EXPECT_EQ(cell_of(values, "Open Cases"), 0);

    // Case 2 stops at B, which case 1 goes on from.
    const AnalysisState state(LogView(eventlog::make_test_log({{"1", "A", 0},
                                                               {"1", "B", 10},
                                                               {"1", "C", 20},
                                                               {"2", "A", 0},
                                                               {"2", "B", 5},
                                                               {"3", "A", 0},
                                                               {"3", "C", 5},
                                                               {"3", "C", 9}})));
    const ResultTable& open = block_table("CalculatorOverview", "{}", state, "Values");
    EXPECT_EQ(cell_of(open, "Completed Cases"), 2);
    EXPECT_EQ(cell_of(open, "Open Cases"), 1);
}

TEST(CalculatorOperatorsTest, FormulaOverOverviewFigures) {
    const auto formula = [](const std::string& text) {
        const auto output =
            run_block("CalculatorFormula", Json{{"Formula", text}}.dump(), running_example_state());
        return table_named(output, "Values").rows.at(0);
    };
    EXPECT_DOUBLE_EQ(formula("completedCases / totalCases * 100")[1].get<double>(), 100.0);
    EXPECT_DOUBLE_EQ(formula("(totalActivityCount - totalCaseCount) / totalCases")[1].get<double>(),
                     6.0);
    EXPECT_DOUBLE_EQ(formula("averageCaseTime / 86400")[1].get<double>(), 966'890.0 / 86'400);
    EXPECT_DOUBLE_EQ(formula("endDatasetTime - startDatasetTime")[1].get<double>(), 2'174'040.0);
    EXPECT_DOUBLE_EQ(formula("2 + 3 * -(1 - 5) / 2")[1].get<double>(), 8.0);
    EXPECT_EQ(formula("VARIANTS")[0], "VARIANTS");                      // the formula names the row
    EXPECT_TRUE(formula("openCases / (totalCases - 6)")[1].is_null());  // 0 / 0

    // The API reference's simple form.
    const auto simple = run_block("",
                                  R"({"calculationType": "custom",
                                      "formula": "(completedCases / totalCases) * 100",
                                      "resultUnit": "percentage", "name": "Completion Rate"})",
                                  running_example_state());
    const auto& row = table_named(simple, "Values").rows.at(0);
    EXPECT_EQ(row[0], "Completion Rate");
    EXPECT_DOUBLE_EQ(row[1].get<double>(), 100.0);
    EXPECT_EQ(row[2], "percentage");

    try {
        formula("completedCases / bogusFigure");
        ADD_FAILURE() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_NE(std::string(error.what()).find("'bogusFigure'"), std::string::npos)
            << error.what();
    }
    EXPECT_THROW(formula("totalCases * (2"), OperatorError);
    EXPECT_THROW(run_block("CalculatorFormula", "{}", running_example_state()), OperatorError);
}

TEST(CalculatorOperatorsTest, CaseDurationStatisticsAndHistogram) {
    const auto output =
        run_block("CalculatorCaseDuration", R"({"Unit": 1})", running_example_state());
    const ResultTable& statistics = table_named(output, "Statistics");
    EXPECT_EQ(labels(statistics), (std::vector<std::string>{"Count", "Mean", "Median", "Min", "Max",
                                                            "P90", "P95", "Aggregate"}));
    // Sorted: 520920, 703320, 779580, 852300, 1368780, 1576440 s.
    EXPECT_DOUBLE_EQ(number_of(statistics, "Count"), 6.0);
    EXPECT_DOUBLE_EQ(number_of(statistics, "Min"), 520'920.0);
    EXPECT_DOUBLE_EQ(number_of(statistics, "P90"), 1'368'780.0 + 0.5 * 207'660.0);   // rank 4.5
    EXPECT_DOUBLE_EQ(number_of(statistics, "P95"), 1'368'780.0 + 0.75 * 207'660.0);  // rank 4.75
    EXPECT_DOUBLE_EQ(number_of(statistics, "Aggregate"), 966'890.0);  // the default: Mean

    // Sturges: ceil(log2(6) + 1) = 4 bins of (1576440 - 520920) / 4 = 263880 s.
    const ResultTable& histogram = table_named(output, "Histogram");
    ASSERT_EQ(histogram.rows.size(), 4U);
    const std::vector<uint64_t> counts = {3, 1, 0, 2};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(histogram.rows[i][0].get<double>(), 520'920.0 + 263'880.0 * i);
        EXPECT_DOUBLE_EQ(histogram.rows[i][1].get<double>(), 520'920.0 + 263'880.0 * (i + 1));
        EXPECT_EQ(histogram.rows[i][2], counts[i]);
    }
}

TEST(CalculatorOperatorsTest, CaseDurationAggregationsAndUnits) {
    const auto aggregate = [](const std::string& configuration) {
        return number_of(block_table("", configuration, running_example_state(), "Statistics"),
                         "Aggregate");
    };
    EXPECT_DOUBLE_EQ(aggregate(R"({"calculationType": "duration", "unit": "hours",
                                   "aggregation": "max"})"),
                     1'576'440.0 / 3'600);
    EXPECT_DOUBLE_EQ(aggregate(R"({"calculationType": "duration", "aggregation": "count"})"), 6.0);
    EXPECT_DOUBLE_EQ(aggregate(R"({"calculationType": "duration", "unit": "minutes",
                                   "aggregation": "sum"})"),
                     6 * 966'890.0 / 60);
    EXPECT_NEAR(aggregate(R"({"calculationType": "duration", "unit": "seconds",
                              "aggregation": "stdDev"})"),
                412'223.4987479486, 1e-6);  // the sample deviation
    const auto studio = [](int64_t function) {
        return number_of(block_table("CalculatorCaseDuration",
                                     Json{{"Unit", 4},
                                          {"Aggregation", function},
                                          {"StartActivity", "reinitiate request"}}
                                         .dump(),
                                     running_example_state(), "Statistics"),
                         "Aggregate");
    };
    // Only cases 3 and 5 reinitiate: 772020 and 1118280 s to their ends.
    EXPECT_DOUBLE_EQ(studio(8), 2.0);                                     // DistinctCount
    EXPECT_DOUBLE_EQ(studio(9), 100.0 * 2 / 6);                           // Percent of the cases
    EXPECT_DOUBLE_EQ(studio(5), (772'020.0 + 1'118'280.0) / 2 / 86'400);  // Median, days
}

TEST(CalculatorOperatorsTest, CaseDurationBetweenActivities) {
    // From the first "check ticket" to the last "decide" of each case.
    const auto output = run_block("DurationCalculator",
                                  R"({"calculationType": "duration", "unit": "seconds",
                                      "startActivity": "check ticket", "endActivity": "decide"})",
                                  running_example_state());
    const ResultTable& statistics = table_named(output, "Statistics");
    EXPECT_DOUBLE_EQ(number_of(statistics, "Count"), 6.0);
    EXPECT_DOUBLE_EQ(number_of(statistics, "Mean"), 484'130.0);
    EXPECT_DOUBLE_EQ(number_of(statistics, "Min"), 1'800.0);
    EXPECT_DOUBLE_EQ(number_of(statistics, "Max"), 1'302'600.0);

    // Cases where the end comes before the start, or either is missing, are left out.
    const AnalysisState state(LogView(eventlog::make_test_log({{"1", "A", 0},
                                                               {"1", "B", 10},
                                                               {"1", "C", 30},
                                                               {"2", "C", 0},
                                                               {"2", "A", 10},
                                                               {"3", "A", 0}})));
    const ResultTable& between = block_table(
        "CalculatorCaseDuration", R"({"Unit": 1, "StartActivity": "A", "EndActivity": "C"})", state,
        "Statistics");
    EXPECT_DOUBLE_EQ(number_of(between, "Count"), 1.0);
    EXPECT_DOUBLE_EQ(number_of(between, "Mean"), 30.0);

    try {
        run_block("CalculatorCaseDuration", R"({"StartActivity": "Z"})", state);
        ADD_FAILURE() << "no error";
    } catch (const OperatorError& error) {
        EXPECT_NE(std::string(error.what()).find("'Z'"), std::string::npos) << error.what();
    }
}

TEST(CalculatorOperatorsTest, PairPerformanceOfTheRunningExample) {
    // Pairs in at least 3 of the 6 cases, slowest mean first (the running example has no repeated
    // activity in a row, so pairs are its directly-follows edges).
    const ResultTable& pairs =
        block_table("CalculatorPairPerformance", R"({"CasePercentThreshold": 50})",
                    running_example_state(), "Pairs");
    EXPECT_EQ(labels(pairs), (std::vector<std::string>{
                                 "decide -> pay compensation", "check ticket -> decide",
                                 "decide -> reject request", "examine casually -> check ticket",
                                 "register request -> examine casually"}));
    // check ticket -> decide in cases 1, 3 (twice), 5 (twice) and 6.
    EXPECT_EQ(pairs.rows[1][1], 4);
    EXPECT_DOUBLE_EQ(pairs.rows[1][2].get<double>(), 181'960.0);
    EXPECT_DOUBLE_EQ(pairs.rows[1][3].get<double>(), 129'300.0);
    EXPECT_DOUBLE_EQ(pairs.rows[1][4].get<double>(), 578'640.0);
    EXPECT_EQ(pairs.rows[4][1], 3);
    EXPECT_DOUBLE_EQ(pairs.rows[4][3].get<double>(), 3'840.0);

    // Without a threshold all 16 pairs.
    EXPECT_EQ(block_table("CalculatorPairPerformance", R"({"StatisticsType": 2})",
                          running_example_state(), "Pairs")
                  .rows.size(),
              16U);
}

TEST(CalculatorOperatorsTest, PairPerformanceMeasuresFromTheFirstEventOfARun) {
    const AnalysisState state(LogView(eventlog::make_test_log({{"1", "A", 0},
                                                               {"1", "A", 10},
                                                               {"1", "B", 25},
                                                               {"1", "B", 26},
                                                               {"1", "A", 40},
                                                               {"2", "A", 0},
                                                               {"2", "B", 5}})));
    const ResultTable& pairs = block_table("CalculatorPairPerformance", "{}", state, "Pairs");
    // A -> B: 25 s (case 1), 5 s (case 2); B -> A: 40 - 25 = 15 s.
    ASSERT_EQ(labels(pairs), (std::vector<std::string>{"A -> B", "B -> A"}));
    EXPECT_EQ(pairs.rows[0][1], 2);
    EXPECT_DOUBLE_EQ(pairs.rows[0][2].get<double>(), 15.0);
    EXPECT_DOUBLE_EQ(pairs.rows[0][4].get<double>(), 25.0);
    EXPECT_EQ(pairs.rows[1][1], 1);
    EXPECT_DOUBLE_EQ(pairs.rows[1][2].get<double>(), 15.0);
}

TEST(CalculatorOperatorsTest, FrequencyTablesMostFrequentFirstAndCut) {
    const ResultTable& activities = block_table("CalculatorActivityFrequency", R"({"MaxRows": 3})",
                                                running_example_state(), "Activities");
    EXPECT_EQ(activities.columns[0].name, "concept:name");
    // check ticket and decide 9 events each; examine casually and register request 6 each.
    EXPECT_EQ(labels(activities),
              (std::vector<std::string>{"check ticket", "decide", "examine casually"}));
    EXPECT_EQ(activities.rows[2][2], 4);
    EXPECT_DOUBLE_EQ(activities.rows[2][3].get<double>(), 100.0 * 4 / 6);

    const ResultTable& resources =
        block_table("CalculatorResourceFrequency", "{}", running_example_state(), "Resources");
    EXPECT_EQ(resources.columns[0].name, "org:resource");
    EXPECT_EQ(labels(resources),
              (std::vector<std::string>{"Sara", "Mike", "Ellen", "Pete", "Sean", "Sue"}));
    // Distinct activities: Sara decides and reinitiates; Mike registers, examines casually,
    // checks, pays and rejects.
    EXPECT_EQ(cell_of(resources, "Sara", "Activities"), 2);
    EXPECT_EQ(cell_of(resources, "Mike", "Activities"), 5);
    EXPECT_EQ(cell_of(resources, "Mike", "Case Count"), 6);

    EXPECT_THROW(
        run_block("CalculatorResourceFrequency", R"({"MaxRows": -1})", running_example_state()),
        OperatorError);
}

TEST(CalculatorOperatorsTest, SimpleFrequencyWithPeriodBreakdown) {
    const auto output = run_block("", R"({"calculationType": "frequency", "groupBy": "activity",
                          "timeWindow": "monthly", "metric": "caseCount"})",
                                  running_example_state());
    // Ordered by case count: check ticket, decide, register request (6 cases each) first.
    EXPECT_EQ(labels(table_named(output, "Activities"))[2], "register request");
    const ResultTable& periods = table_named(output, "Periods");
    ASSERT_EQ(periods.columns.size(), 3U);
    EXPECT_EQ(periods.columns[2].name, "Case Count");
    // December 2010: cases 1, 2 and 3 register; 2 and 3 examine casually and check tickets;
    // case 1 examines thoroughly.
    ASSERT_GE(periods.rows.size(), 4U);
    EXPECT_EQ(periods.rows[0], Json::array({"2010-12", "register request", 3}));
    EXPECT_EQ(periods.rows[1], Json::array({"2010-12", "check ticket", 2}));
    EXPECT_EQ(periods.rows[2], Json::array({"2010-12", "examine casually", 2}));
    EXPECT_EQ(periods.rows[3], Json::array({"2010-12", "examine thoroughly", 1}));
    // January 2011: decide 9 events in 6 cases.
    EXPECT_EQ(cell_of(periods, "2011-01", "Case Count"), 6);

    const ResultTable& weeks =
        block_table("", R"({"calculationType": "frequency", "groupBy": "resource",
                          "timeWindow": "weekly"})",
                    running_example_state(), "Periods");
    // 2010-12-30 was a Thursday: its week starts on Monday 2010-12-27.
    EXPECT_EQ(weeks.rows.at(0)[0], "2010-12-27");
    EXPECT_EQ(weeks.columns[2].name, "Count");
}

TEST(CalculatorOperatorsTest, ProcessMapWithStartTimesReportsWaitingAndServiceTimes) {
    // Case 1: A [0, 10], B [25, 40], A [35, 50]; case 2: A [0, 20], B (no start) at 30.
    const AnalysisState state(LogView(eventlog::make_test_log({{"1", "A", 10, "", 0},
                                                               {"1", "B", 40, "", 25},
                                                               {"1", "A", 50, "", 35},
                                                               {"2", "A", 20, "", 0},
                                                               {"2", "B", 30}},
                                                              true)));
    const auto output = run_block("CalculatorProcessFollows", "{}", state);
    EXPECT_EQ(cell_of(table_named(output, "Durations"), "Edge Duration"), "Waiting");
    const ResultTable& edges = table_named(output, "Edges");
    ASSERT_EQ(edges.rows.size(), 2U);
    // A -> B waits 15 s (case 1) and 10 s (case 2); B -> A overlaps.
    EXPECT_EQ(edges.rows[0], Json::array({"A", "B", 2, 2, 12.5, 12.5, 15.0}));
    EXPECT_EQ(edges.rows[1], Json::array({"B", "A", 1, 1, 0.0, 0.0, 0.0}));
    const ResultTable& nodes = table_named(output, "Nodes");
    // A: service times 10, 15, 20 s.
    EXPECT_DOUBLE_EQ(cell_of(nodes, "A", "Mean Service Time").get<double>(), 15.0);
    EXPECT_DOUBLE_EQ(cell_of(nodes, "A", "Max Service Time").get<double>(), 20.0);
    EXPECT_EQ(cell_of(nodes, "A", "Is Start"), true);
    EXPECT_EQ(cell_of(nodes, "B", "Is End"), true);

    // Without start times the same events are instantaneous: end to end, no service columns.
    const auto plain = run_block("CalculatorProcessFollows", R"({"DefaultTopNVariants": 1})",
                                 running_example_state());
    EXPECT_EQ(cell_of(table_named(plain, "Durations"), "Edge Duration"), "EndToEnd");
    EXPECT_EQ(table_named(plain, "Nodes").columns.size(), 5U);
    EXPECT_EQ(table_named(plain, "Variants").rows.size(), 1U);
}

TEST(CalculatorOperatorsTest, VariantsTableRows) {
    const AnalysisState state(LogView(eventlog::make_test_log(
        {{"1", "A", 0}, {"1", "B", 10}, {"2", "A", 0}, {"2", "B", 30}, {"3", "B", 0}})));
    const ResultTable& variants = block_table("CalculatorVariants", "{}", state, "Variants");
    ASSERT_EQ(variants.rows.size(), 2U);
    EXPECT_EQ(variants.rows[0][1], "A -> B");
    EXPECT_EQ(variants.rows[0][2], 2);
    EXPECT_DOUBLE_EQ(variants.rows[0][3].get<double>(), 100.0 * 2 / 3);
    EXPECT_DOUBLE_EQ(variants.rows[0][4].get<double>(), 20.0);
    EXPECT_EQ(variants.rows[0][0].get<std::string>().size(), 16U);  // the variant id
    EXPECT_EQ(variants.rows[1][1], "B");
}

TEST(CalculatorOperatorsTest, EveryCalculatorRunsOnAnEmptyView) {
    const AnalysisState empty = empty_view();
    for (const auto& [name, configuration] : std::vector<std::pair<std::string, std::string>>{
             {"CalculatorCaseCount", "{}"},
             {"CalculatorDataInformation", "{}"},
             {"CalculatorOverview", "{}"},
             {"CalculatorFormula", R"({"Formula": "completedCases / totalCases"})"},
             {"CalculatorActivityFrequency", "{}"},
             {"", R"({"calculationType": "frequency", "groupBy": "resource",
                      "timeWindow": "daily"})"},
             {"CalculatorResourceFrequency", "{}"},
             {"CalculatorProcessFollows", "{}"},
             {"CalculatorVariants", "{}"},
             {"CalculatorCaseDuration", R"({"Aggregation": 9})"},
             {"", R"({"calculationType": "duration", "startActivity": "decide"})"},
             {"CalculatorPairPerformance", R"({"CasePercentThreshold": 10})"},
         }) {
        SCOPED_TRACE(name + configuration);
        const auto output = run_block(name, configuration, empty);
        ASSERT_FALSE(output.tables.empty());
        for (const ResultTable& table : output.tables) {
            if (table.name == "Values" || table.name == "Statistics" || table.name == "Durations") {
                continue;
            }
            EXPECT_TRUE(table.rows.empty()) << table.name;
        }
    }
    const ResultTable& values = block_table("CalculatorDataInformation", "{}", empty, "Values");
    EXPECT_EQ(cell_of(values, "Total Case Count"), 0);
    EXPECT_TRUE(cell_of(values, "Start Dataset Time").is_null());
    EXPECT_EQ(cell_of(values, "Dataset Timespan"), 0.0);
    const ResultTable& statistics =
        block_table("CalculatorCaseDuration", "{}", empty, "Statistics");
    for (const auto& row : statistics.rows) EXPECT_EQ(row[1], 0.0) << row[0];
    EXPECT_TRUE(block_table("CalculatorFormula", R"({"Formula": "openCases / totalCases"})", empty,
                            "Values")
                    .rows[0][1]
                    .is_null());
}

}  // namespace
}  // namespace pmstudio::mining
