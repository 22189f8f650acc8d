// The selectors over calculator results given through OperatorContext::block_tables: the case count
// and the conformance result of the running example (see conformance_calculators_test.cpp).
#include "mining/selector_operators.h"

#include <gtest/gtest.h>

#include <map>

#include "mining/operator_test_support.h"

namespace pmstudio::mining {
namespace {

const Json kHappyPath = {"register request", "examine casually", "check ticket", "decide",
                         "pay compensation"};

class SelectorTest : public testing::Test {
protected:
    SelectorTest() {
        const AnalysisState state = running_example_state();
        results_["count"] = run("CalculatorCaseCount", Json::object(), state).tables;
        results_["conformance"] =
            run("CalculatorConformance", {{"ExpectedOrder", kHappyPath}}, state).tables;
        context_.block_tables = [this](const std::string& id) -> const std::vector<ResultTable>* {
            const auto found = results_.find(id);
            return found == results_.end() ? nullptr : &found->second;
        };
    }

    OperatorOutput select(std::string_view selector, const Json& settings) const {
        return run(selector, settings, running_example_state(), context_);
    }

    std::string error_of(std::string_view selector, const Json& settings) const {
        try {
            select(selector, settings);
        } catch (const OperatorError& error) {
            return error.what();
        }
        return "no error";
    }

    std::map<std::string, std::vector<ResultTable>> results_;
    OperatorContext context_;
};

// Settings as WaitingForBed.mcl exports them.
TEST_F(SelectorTest, FullCalculatorGivesTheWholeResult) {
    const char* exported =
        "{\r\n  \"CalculatorBlockId\": \"conformance\",\r\n  \"DisplayType\": \"\",\r\n"
        "  \"JsonText\": \"{\\\"ViewType\\\":2}\",\r\n  \"DefaultPanelSize\": 0,\r\n"
        "  \"DefaultPanelType\": \"DashboardPanelCalculator\"\r\n}";
    const auto output =
        run_operator("SelectorFullCalculator", exported, running_example_state(), context_);
    ASSERT_EQ(output.tables.size(), 3U);
    EXPECT_EQ(table_json(output.tables[1]), table_json(results_["conformance"][1]));
    EXPECT_EQ(output.details["display"], Json({{"ViewType", 2}}));
    EXPECT_EQ(output.details["defaultPanelType"], "DashboardPanelCalculator");
    EXPECT_EQ(error_of("SelectorFullCalculator", {{"CalculatorBlockId", "gone"}}),
              "Calculator block 'gone' has no result");
}

TEST_F(SelectorTest, SingleValueFromLabelFormatsTheValue) {
    // The Dashboard API's KPI panel settings, over the case count.
    const auto count = select("SelectorSingleValueFromLabel", {{"calculatorBlockId", "count"},
                                                               {"tableIndex", 0},
                                                               {"labelColumnName", "Name"},
                                                               {"labelName", "Case Count"},
                                                               {"valueColumnName", "Value"},
                                                               {"formatText", "N0"}});
    const ResultTable& value = count.tables.at(0);
    EXPECT_EQ(value.name, "Value");
    EXPECT_EQ(value.columns[1].type, "integer");
    EXPECT_EQ(cell(value, 0, "Label"), "Case Count");
    EXPECT_EQ(cell(value, 0, "Value"), 6);
    EXPECT_EQ(cell(value, 0, "Text"), "6");
    EXPECT_EQ(count.details["value"], 6);
    EXPECT_EQ(count.details["text"], "6");

    const Json fitness = {{"CalculatorBlockId", "conformance"},
                          {"TableIndex", 2},
                          {"LabelName", "average fitness"},
                          {"FormatText", "P1"}};
    const auto average = select("SelectorSingleValueFromLabel", fitness);
    EXPECT_EQ(average.details["text"], "69.3%");
    EXPECT_DOUBLE_EQ(average.details["value"].get<double>(),
                     (0.6 + 0.8 + 10.0 / 14 + 0.6 + 8.0 / 18 + 1) / 6);
}

TEST_F(SelectorTest, SingleValueFromLabelNamesWhatIsMissing) {
    const Json base = {
        {"CalculatorBlockId", "conformance"}, {"TableIndex", 2}, {"LabelName", "Nope"}};
    EXPECT_EQ(error_of("SelectorSingleValueFromLabel", base),
              "Table 'Values' has no row whose Name is 'Nope' (LabelName)");
    Json wrong_column = base;
    wrong_column["ValueColumnName"] = "Amount";
    EXPECT_EQ(error_of("SelectorSingleValueFromLabel", wrong_column),
              "Table 'Values' has no column 'Amount' (ValueColumnName)");
    Json wrong_table = base;
    wrong_table["TableIndex"] = 5;
    EXPECT_EQ(error_of("SelectorSingleValueFromLabel", wrong_table),
              "Calculator block 'conformance' has no table 5 (TableIndex); it has 3");
    EXPECT_EQ(error_of("SelectorSingleValueFromLabel", {{"LabelName", "Case Count"}}),
              "Setting 'CalculatorBlockId' of SelectorSingleValueFromLabel is required");
}

TEST_F(SelectorTest, SingleValueNeedsOneRow) {
    const auto output =
        select("SelectorSingleValue", {{"CalculatorBlockId", "count"}, {"FormatText", "D3"}});
    EXPECT_EQ(output.details["value"], 6);
    EXPECT_EQ(output.details["text"], "006");
    EXPECT_EQ(error_of("SelectorSingleValue", {{"CalculatorBlockId", "conformance"}}),
              "SelectorSingleValue needs a result with one value; table 'Cases' has 6 rows");
}

TEST_F(SelectorTest, MultiColumnsSortsCutsReversesAndFormats) {
    const Json settings = {{"CalculatorBlockId", "conformance"},
                           {"ColumnNames", {"Case Id", "Fitness"}},
                           {"SortColumnName", "Fitness"},
                           {"SortAscending", true},
                           {"MaxRows", 3},
                           {"FormatText", "P0"}};
    const auto output = select("SelectorMultiColumns", settings);
    ASSERT_EQ(output.tables.size(), 2U);
    const ResultTable& values = output.tables[0];
    const ResultTable& texts = output.tables[1];
    EXPECT_EQ(values.name, "Columns");
    EXPECT_EQ(texts.name, "Text");
    ASSERT_EQ(values.columns.size(), 2U);
    EXPECT_EQ(values.columns[1].type, "double");
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"5", "44%"}, {"1", "60%"}, {"4", "60%"}};
    ASSERT_EQ(values.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(cell(values, i, "Case Id"), expected[i].first);
        EXPECT_EQ(cell(texts, i, "Case Id"), expected[i].first);
        EXPECT_EQ(cell(texts, i, "Fitness"), expected[i].second);
    }
    EXPECT_DOUBLE_EQ(cell(values, 0, "Fitness").get<double>(), 8.0 / 18);

    Json reversed = settings;
    reversed["PanelDataReversed"] = true;
    EXPECT_EQ(cell(select("SelectorMultiColumns", reversed).tables[0], 0, "Case Id"), "4");
    Json all = {{"CalculatorBlockId", "conformance"}, {"TableIndex", 1}};
    EXPECT_EQ(select("SelectorMultiColumns", all).tables[0].columns.size(), 4U);
    Json unknown = settings;
    unknown["SortColumnName"] = "Speed";
    EXPECT_EQ(error_of("SelectorMultiColumns", unknown),
              "Table 'Cases' has no column 'Speed' (SortColumnName)");
}

TEST(FormatCellTest, EveryColumnType) {
    EXPECT_EQ(format_cell(1234567, "integer", "N0"), "1,234,567");
    EXPECT_EQ(format_cell(0.456, "double", "P0"), "46%");
    EXPECT_EQ(format_cell(1800.0, "timespan", "A"), "30 minutes");
    EXPECT_EQ(format_cell(1800.0, "timespan", "c"), "00:30:00");
    EXPECT_EQ(format_cell("2011-01-06T14:02:00Z", "datetime", "d"), "1/6/2011");
    EXPECT_EQ(format_cell(true, "boolean", "A"), "True");
    EXPECT_EQ(format_cell("pay compensation", "string", "N0"), "pay compensation");
    EXPECT_EQ(format_cell(nullptr, "double", "N0"), "");
}

}  // namespace
}  // namespace pmstudio::mining
