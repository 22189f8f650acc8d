#include "mining/filter_operators.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eventlog/case_variants.h"
#include "mining/activity_names.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using Names = std::vector<std::string>;

// running-example.csv in UTC (case: events; duration):
//   1: register 12-30 10:02, examine thoroughly, check ticket, decide 01-06 10:18,
//      reject 01-07 13:24; 8d 3h22m
//   2: register 12-30 10:32, check ticket, examine casually, decide, pay 01-08 11:05; 9d 0h33m
//   3: register 12-30 13:32, examine casually, check ticket, decide, reinitiate, examine
//      thoroughly, check ticket, decide, pay 01-15 09:45; 15d 20h13m
//   4: register 01-06 14:02, check ticket, examine thoroughly, decide, reject 01-12 14:44;
//      6d 0h42m
//   5: register 01-06 08:02, examine casually, check ticket, decide 01-10, reinitiate 01-11,
//      check ticket 01-14, examine casually 01-16, decide, reinitiate, examine casually, check
//      ticket, decide, reject 01-24 13:56; 18d 5h54m
//   6: register 01-06 14:02, examine casually, check ticket, decide, pay 01-16 10:47; 9d 20h45m
class FilterOperatorsTest : public testing::Test {
protected:
    const AnalysisState input{LogView(running_example())};
    // A Wednesday.
    const OperatorContext context{.now = *parse_datetime_micros("2011-01-12T12:00:00Z"),
                                  .block_tables = {}};

    OperatorOutput run(std::string_view name, const std::string& configuration) const {
        return run_operator(name, configuration, input, context);
    }
    Names cases(std::string_view name, const std::string& configuration) const {
        return case_ids(*run(name, configuration).state);
    }
    static Names case_ids(const AnalysisState& state) {
        Names out;
        for (uint32_t c : state.view.cases()) out.push_back(state.view.log().case_ids[c]);
        return out;
    }
    std::string error(std::string_view name, const std::string& configuration) const {
        try {
            run(name, configuration);
        } catch (const OperatorError& e) {
            return e.what();
        }
        return "no error";
    }
    // FilterAttribute on `column` with CompareMethod `method` and further settings.
    Names attribute(const std::string& column, int method, const std::string& more) const {
        return cases("FilterAttribute", R"({"ColumnName": ")" + column + R"(", "CompareMethod": )" +
                                            std::to_string(method) +
                                            (more.empty() ? "" : ", " + more) + "}");
    }
    // FilterDate with both ends absolute.
    OperatorOutput dates(int type, const std::string& from, const std::string& to,
                         const std::string& more = {}) const {
        return run("FilterDate", R"({"FilterType": )" + std::to_string(type) +
                                     R"(, "StartDateSelection": {"Variable": 0, "Time": ")" + from +
                                     R"("}, "EndDateSelection": {"Variable": 0, "Time": ")" + to +
                                     R"("})" + more + "}");
    }
};

TEST_F(FilterOperatorsTest, AttributeAsExported) {
    // Settings text of WaitingForDoctor.mcl, with an activity of the running example.
    const std::string exported =
        "{\r\n  \"ColumnName\": \"~calc~EndActivity\",\r\n  \"CompareMethod\": 1,\r\n  "
        "\"CompareValue\": \"reject request\",\r\n  \"CompareArray\": null,\r\n  "
        "\"CompareValueType\": 10,\r\n  \"CompareArrayType\": 0,\r\n  \"LowerValueType\": 0,\r\n  "
        "\"UpperValueType\": 0,\r\n  \"TimeSpanUnits\": 4,\r\n  \"LowerValue\": null,\r\n  "
        "\"UpperValue\": null,\r\n  \"RemoveFilter\": false,\r\n  "
        "\"ActivityNameIfEventAttribute\": null\r\n}";
    EXPECT_EQ(cases("FilterAttribute", exported), (Names{"1", "4", "5"}));
    // Is with CompareArray and no CompareValue (WaitingForTestResults.mcl) is IsOneOf.
    EXPECT_EQ(attribute("~calc~EndActivity", 1,
                        R"("CompareValue": null, "CompareArray": ["pay compensation"],
                           "CompareArrayType": 10)"),
              (Names{"2", "3", "6"}));
    EXPECT_EQ(attribute("~calc~EndActivity", 2, R"("CompareArray": ["pay compensation"])"),
              (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute("~calc~EndActivity", 1,
                        R"("CompareValue": "reject request", "RemoveFilter": true)"),
              (Names{"2", "3", "6"}));
}

TEST_F(FilterOperatorsTest, AttributeCompareMethods) {
    const std::string end = "~calc~EndActivity";
    const std::string events = "~calc~EventCount";  // 5, 5, 9, 5, 13, 5
    EXPECT_EQ(attribute(end, 1, R"("CompareValue": "reject request")"), (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute(end, 2, R"("CompareValue": "reject request")"), (Names{"2", "3", "6"}));
    EXPECT_EQ(attribute(end, 3, R"("CompareValue": "comp")"), (Names{"2", "3", "6"}));
    EXPECT_EQ(attribute(end, 4, R"("CompareValue": "comp")"), (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute(end, 5, R"("CompareValue": "rej")"), (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute(end, 6, R"("CompareValue": "request")"), (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute(events, 7, R"("CompareValue": 5)"), (Names{"3", "5"}));
    EXPECT_EQ(attribute(events, 8, R"("CompareValue": 13)"), Names{"5"});
    EXPECT_EQ(attribute(events, 9, R"("CompareValue": "9")"), (Names{"1", "2", "4", "6"}));
    EXPECT_EQ(attribute(events, 10, R"("CompareValue": 9)"), (Names{"1", "2", "3", "4", "6"}));
    EXPECT_EQ(attribute(events, 11, R"("LowerValue": 6, "UpperValue": 9)"), Names{"3"});
    EXPECT_EQ(attribute(end, 12, ""), Names{});
    EXPECT_EQ(attribute(end, 13, ""), (Names{"1", "2", "3", "4", "5", "6"}));
    EXPECT_EQ(attribute("case:concept:name", 14, R"("CompareArray": ["1", "3"])"),
              (Names{"1", "3"}));
    EXPECT_EQ(attribute("case:concept:name", 15, R"("CompareArray": ["1", "3"])"),
              (Names{"2", "4", "5", "6"}));
    EXPECT_EQ(attribute(end, 16, R"x("CompareValue": "^re(j|g)")x"), (Names{"1", "4", "5"}));
    EXPECT_EQ(attribute("~calc~CaseWithRepetition", 1, R"("CompareValue": "true")"),
              (Names{"3", "5"}));
    EXPECT_EQ(attribute("~calc~CaseWithRepetition", 1, R"("CompareValue": false)"),
              (Names{"1", "2", "4", "6"}));
}

TEST_F(FilterOperatorsTest, AttributeOnEventColumns) {
    EXPECT_EQ(attribute("concept:name", 1, R"("CompareValue": "reinitiate request")"),
              (Names{"3", "5"}));
    EXPECT_EQ(attribute("org:resource", 1, R"("CompareValue": "Ellen")"),
              (Names{"2", "3", "4", "5", "6"}));
    EXPECT_EQ(
        attribute("org:resource", 1,
                  R"("CompareValue": "Ellen", "ActivityNameIfEventAttribute": "check ticket")"),
        (Names{"3", "5"}));
    EXPECT_EQ(
        attribute("Costs", 7,
                  R"("CompareValue": 300, "ActivityNameIfEventAttribute": "examine casually")"),
        (Names{"2", "3", "5", "6"}));
    EXPECT_EQ(attribute("org:resource", 1, R"("CompareValue": "Ellen", "RemoveFilter": true)"),
              Names{"1"});
}

TEST_F(FilterOperatorsTest, AttributeOnTimes) {
    const std::string duration = "~calc~CaseDuration";
    EXPECT_EQ(attribute(duration, 7, R"("CompareValue": 10)"), (Names{"3", "5"}));  // days
    EXPECT_EQ(attribute(duration, 9, R"("CompareValue": 200, "TimeSpanUnits": 3)"),
              (Names{"1", "4"}));
    EXPECT_EQ(attribute(duration, 7, R"("CompareValue": "9.00:00:00")"),
              (Names{"2", "3", "5", "6"}));
    EXPECT_EQ(attribute("~calc~CaseStart", 8, R"("CompareValue": "2011-01-01")"),
              (Names{"4", "5", "6"}));
    EXPECT_EQ(
        attribute(
            "~calc~CaseStart", 11,
            R"("LowerValue": "2010-12-30T10:30:00Z", "UpperValue": "2010-12-30T12:00:00+01:00")"),
        Names{"2"});
}

TEST_F(FilterOperatorsTest, AttributeSimpleDialect) {
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "~calc~EndActivity",
                            "operator": "equals", "value": "reject request"})"),
              (Names{"1", "4", "5"}));
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "~calc~EndActivity",
                            "value": "reject request"})"),
              (Names{"1", "4", "5"}));
    EXPECT_EQ(cases("AttributeFilter", R"({"attribute": "~calc~EventCount", "operator": "between",
                                           "value": [6, 9]})"),
              Names{"3"});
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "case:concept:name",
                            "operator": "isNotOneOf", "value": ["1", "3"]})"),
              (Names{"2", "4", "5", "6"}));
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "case:concept:name",
                            "operator": "equals", "value": ["1", "3"]})"),
              (Names{"1", "3"}));
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "~calc~CaseDuration",
                            "operator": "lessThan", "value": 7})"),
              Names{"4"});
}

TEST_F(FilterOperatorsTest, AttributeErrorsNameTheSetting) {
    EXPECT_EQ(error("FilterAttribute", R"({"ColumnName": "Nope", "CompareValue": "x"})"),
              "Setting 'ColumnName' of FilterAttribute names an unknown column 'Nope'");
    EXPECT_EQ(error("", R"({"filterType": "caseAttribute", "attribute": "Nope", "value": 1})"),
              "Setting 'attribute' of FilterAttribute names an unknown column 'Nope'");
    EXPECT_EQ(error("FilterAttribute", R"({"ColumnName": "Costs"})"),
              "Setting 'CompareValue' of FilterAttribute is required");
    EXPECT_EQ(error("FilterAttribute",
                    R"({"ColumnName": "Costs", "CompareMethod": 11, "LowerValue": 1})"),
              "Setting 'UpperValue' of FilterAttribute is required");
    EXPECT_EQ(error("FilterAttribute", R"({"ColumnName": "Costs", "CompareValue": "abc"})"),
              "Setting 'CompareValue' of FilterAttribute: 'abc' is not a number");
    EXPECT_EQ(
        error("FilterAttribute", R"({"ColumnName": "~calc~CaseStart", "CompareValue": "soon"})"),
        "Setting 'CompareValue' of FilterAttribute must be an ISO 8601 date or date-time, "
        "got \"soon\"");
    EXPECT_EQ(error("FilterAttribute", R"({"ColumnName": "Costs", "CompareValue": 5,
                                           "ActivityNameIfEventAttribute": "Nope"})"),
              "Setting 'ActivityNameIfEventAttribute' of FilterAttribute names an unknown "
              "activity 'Nope'");
    EXPECT_EQ(error("", R"({"filterType": "caseAttribute", "attribute": "Costs",
                            "operator": "between", "value": [1]})"),
              "Setting 'value' of FilterAttribute must be [lower, upper] for between, got [1]");
}

TEST_F(FilterOperatorsTest, DateAbsoluteRanges) {
    const OperatorOutput january = dates(1, "2011-01-01T00:00:00Z", "2011-01-31T23:59:59Z");
    EXPECT_EQ(case_ids(*january.state), (Names{"4", "5", "6"}));
    EXPECT_EQ(january.details["UsedStartDate"], "2011-01-01T00:00:00Z");
    EXPECT_EQ(january.details["UsedEndDate"], "2011-01-31T23:59:59Z");
    EXPECT_EQ(case_ids(*dates(1, "2011-01-01", "2011-01-31", R"(, "RemoveFilter": true)").state),
              (Names{"1", "2", "3"}));
    EXPECT_EQ(case_ids(*dates(2, "2011-01-10", "2011-01-16T23:59:59Z").state),
              (Names{"3", "4", "6"}));
    EXPECT_EQ(case_ids(*dates(3, "2010-12-30", "2011-01-09").state), (Names{"1", "2"}));
    EXPECT_EQ(case_ids(*dates(4, "2011-01-10", "2011-01-16T23:59:59Z").state),
              (Names{"3", "4", "5", "6"}));
    const OperatorOutput trimmed = dates(5, "2011-01-10", "2011-01-16T23:59:59Z");
    EXPECT_EQ(case_ids(*trimmed.state), (Names{"3", "4", "5", "6"}));
    EXPECT_EQ(trimmed.state->view.event_count(), 7U);
    const OperatorOutput outside =
        dates(5, "2011-01-10", "2011-01-16T23:59:59Z", R"(, "RemoveFilter": true)");
    EXPECT_EQ(outside.state->view.case_count(), 6U);
    EXPECT_EQ(outside.state->view.event_count(), 35U);
    EXPECT_EQ(
        case_ids(
            *dates(6, "2011-01-10", "2011-01-20", R"(, "ActivityName": "pay compensation")").state),
        (Names{"3", "6"}));
    EXPECT_EQ(
        case_ids(
            *dates(7, "2011-01-20", "2011-12-31", R"(, "AttributeName": "time:timestamp")").state),
        Names{"5"});
    EXPECT_EQ(
        case_ids(
            *dates(7, "2011-01-08", "2011-01-10", R"(, "AttributeName": "~calc~CaseEnd")").state),
        Names{"2"});
}

TEST_F(FilterOperatorsTest, DateRelativeToNow) {
    // Now is Wednesday 2011-01-12T12:00:00Z: this week is Monday 01-10 .. Sunday 01-16.
    const std::string this_week =
        R"("StartDateSelection": {"Variable": 1}, "EndDateSelection": {"Variable": 11})";
    const OperatorOutput intersecting =
        run("FilterDate", R"({"FilterType": 4, )" + this_week + "}");
    EXPECT_EQ(case_ids(*intersecting.state), (Names{"3", "4", "5", "6"}));
    EXPECT_EQ(intersecting.details["UsedStartDate"], "2011-01-10T00:00:00Z");
    EXPECT_EQ(intersecting.details["UsedEndDate"], "2011-01-16T23:59:59.999999Z");
    EXPECT_EQ(cases("FilterDate", R"({"FilterType": 2, )" + this_week + "}"),
              (Names{"3", "4", "6"}));
    const OperatorOutput last_week = run("FilterDate",
                                         R"({"FilterType": 2,
            "StartDateSelection": {"Variable": 1, "NumberOfPeriods": 1, "TimeDirection": 0},
            "EndDateSelection": {"Variable": 11, "NumberOfPeriods": 1, "TimeDirection": 0}})");
    EXPECT_EQ(case_ids(*last_week.state), (Names{"1", "2"}));
    EXPECT_EQ(last_week.details["UsedStartDate"], "2011-01-03T00:00:00Z");
    EXPECT_EQ(last_week.details["UsedEndDate"], "2011-01-09T23:59:59.999999Z");

    const std::vector<std::pair<std::string, std::string>> resolved = {
        {R"({"Variable": 21})", "2011-01-12T00:00:00Z"},
        {R"({"Variable": 21, "NumberOfPeriods": 2, "TimeDirection": 1})", "2011-01-14T00:00:00Z"},
        {R"({"Variable": 2})", "2011-01-01T00:00:00Z"},
        {R"({"Variable": 2, "PeriodsToAdd": -1})", "2010-12-01T00:00:00Z"},
        {R"({"Variable": 12})", "2011-01-31T23:59:59.999999Z"},
        {R"({"Variable": 3, "NumberOfPeriods": 1})", "2010-01-01T00:00:00Z"},
        {R"({"Variable": 13})", "2011-12-31T23:59:59.999999Z"},
        {R"({"Variable": 4, "PeriodsToAdd": 1})", "2011-04-01T00:00:00Z"},
        {R"({"Variable": 14})", "2011-03-31T23:59:59.999999Z"},
        {R"({"Variable": 0, "Time": "2011-01-05T06:07:08Z", "PeriodsToAdd": 3})",
         "2011-01-05T06:07:08Z"},
    };
    for (const auto& [selection, expected] : resolved) {
        EXPECT_EQ(run("FilterDate", R"({"StartDateSelection": )" + selection + "}")
                      .details["UsedStartDate"],
                  expected)
            << selection;
    }
}

TEST_F(FilterOperatorsTest, DateSimpleDialect) {
    EXPECT_EQ(cases("", R"({"filterType": "dateRange", "startDate": "2011-01-01",
                            "endDate": "2011-01-06"})"),
              (Names{"4", "5", "6"}));
    EXPECT_EQ(cases("", R"({"filterType": "dateRange", "startDate": "2011-01-01",
                            "endDate": "2011-01-05"})"),
              Names{});
    EXPECT_EQ(cases("DateFilter", R"({"startDate": "2011-01-01T00:00:00Z",
                                      "endDate": "2011-01-10T00:00:00Z",
                                      "dateField": "~calc~CaseEnd"})"),
              (Names{"1", "2"}));
    const OperatorOutput open =
        run("", R"({"filterType": "dateRange", "startDate": "2011-01-07"})");
    EXPECT_EQ(case_ids(*open.state), Names{});
    EXPECT_TRUE(open.details["UsedEndDate"].is_null());
}

TEST_F(FilterOperatorsTest, DateErrorsNameTheSetting) {
    EXPECT_EQ(error("FilterDate", R"({"FilterType": 1})"),
              "Setting 'StartDateSelection' or 'EndDateSelection' of FilterDate is required");
    EXPECT_EQ(error("FilterDate", R"({"StartDateSelection": {"Variable": 0}})"),
              "Setting 'StartDateSelection.Time' of FilterDate is required when Variable is 0");
    EXPECT_EQ(error("FilterDate", R"({"FilterType": 6, "StartDateSelection": {"Variable": 21},
                                      "ActivityName": "Nope"})"),
              "Setting 'ActivityName' of FilterDate names an unknown activity 'Nope'");
    EXPECT_EQ(error("FilterDate", R"({"FilterType": 7, "StartDateSelection": {"Variable": 21},
                                      "AttributeName": "~calc~EventCount"})"),
              "Setting 'AttributeName' of FilterDate must name a datetime column, "
              "'~calc~EventCount' is integer");
    EXPECT_EQ(error("", R"({"filterType": "dateRange"})"),
              "Setting 'startDate' or 'endDate' of FilterDate is required");
}

TEST_F(FilterOperatorsTest, Activities) {
    const auto mode = [&](const std::string& names, const std::string& mode) {
        return run("FilterActivities",
                   R"({"ActivityNames": )" + names + R"(, "Mode": ")" + mode + R"("})");
    };
    EXPECT_EQ(cases("FilterActivities", R"({"ActivityNames": ["reinitiate request"]})"),
              (Names{"3", "5"}));
    EXPECT_EQ(
        case_ids(*mode(R"(["reinitiate request", "reject request"])", "KeepCasesWithAll").state),
        Names{"5"});
    EXPECT_EQ(case_ids(*mode(R"(["reinitiate request"])", "keepcaseswithnone").state),
              (Names{"1", "2", "4", "6"}));
    const OperatorOutput decisions = mode(R"(["decide"])", "KeepOnlyTheseEvents");
    EXPECT_EQ(decisions.state->view.case_count(), 6U);
    EXPECT_EQ(decisions.state->view.event_count(), 9U);
    EXPECT_EQ(mode(R"(["decide"])", "RemoveTheseEvents").state->view.event_count(), 33U);

    EXPECT_EQ(cases("", R"({"filterType": "activity", "include": ["reject request"],
                            "exclude": ["reinitiate request"]})"),
              (Names{"1", "4"}));
    EXPECT_EQ(cases("ActivityFilter", R"({"activities": ["pay compensation"]})"),
              (Names{"2", "3", "6"}));
    EXPECT_EQ(cases("", R"({"filterType": "activity", "exclude": ["examine thoroughly"]})"),
              (Names{"2", "5", "6"}));

    EXPECT_EQ(error("FilterActivities", R"({"ActivityNames": ["decide", "Nope"]})"),
              "Setting 'ActivityNames' of FilterActivities names an unknown activity 'Nope'");
    EXPECT_EQ(error("", R"({"filterType": "activity", "exclude": ["Nope"]})"),
              "Setting 'exclude' of FilterActivities names an unknown activity 'Nope'");
    EXPECT_EQ(error("", R"({"filterType": "activity"})"),
              "Setting 'activities', 'include' or 'exclude' of FilterActivities is required");
}

TEST_F(FilterOperatorsTest, Variants) {
    // Every case of the running example has a variant of its own; keeping only the register and
    // decide events leaves <register, decide> for 1, 2, 4 and 6.
    const AnalysisState projected =
        *run("FilterActivities",
             R"({"ActivityNames": ["register request", "decide"], "Mode": "KeepOnlyTheseEvents"})")
             .state;
    const auto variants = [&](const std::string& configuration) {
        return case_ids(*run_operator("FilterVariants", configuration, projected, context).state);
    };
    EXPECT_EQ(variants(R"({"TopN": 1})"), (Names{"1", "2", "4", "6"}));
    EXPECT_EQ(variants(R"({"TopN": 1, "RemoveFilter": true})"), (Names{"3", "5"}));
    EXPECT_EQ(variants(R"({"TopN": 0})"), Names{});
    const eventlog::EventLog& log = projected.view.log();
    const std::vector<uint32_t> twice = {*activity_code(log, "register request"),
                                         *activity_code(log, "decide"),
                                         *activity_code(log, "decide")};
    const std::string id = eventlog::variant_id(log, twice);
    EXPECT_EQ(variants(R"({"VariantIds": [")" + id + R"("]})"), Names{"3"});
    EXPECT_EQ(variants(R"({"TopN": 1, "VariantIds": [")" + id + R"("], "RemoveFilter": true})"),
              (Names{"1", "2", "4", "5", "6"}));
    EXPECT_EQ(error("FilterVariants", "{}"),
              "Setting 'TopN' or 'VariantIds' of FilterVariants is required");
}

TEST_F(FilterOperatorsTest, StartEndActivity) {
    EXPECT_EQ(cases("FilterStartEndActivity", R"({"EndActivities": ["pay compensation"]})"),
              (Names{"2", "3", "6"}));
    EXPECT_EQ(cases("FilterStartEndActivity", R"({"StartActivities": ["register request"],
                                                  "EndActivities": ["reject request"]})"),
              (Names{"1", "4", "5"}));
    EXPECT_EQ(error("FilterStartEndActivity", R"({"StartActivities": ["Nope"]})"),
              "Setting 'StartActivities' of FilterStartEndActivity names an unknown activity "
              "'Nope'");
}

TEST_F(FilterOperatorsTest, Follows) {
    const auto follows = [&](const std::string& first, const std::string& second, bool directly,
                             bool negate) {
        return cases("FilterFollows", R"({"FirstActivity": ")" + first +
                                          R"(", "SecondActivity": ")" + second +
                                          R"(", "Directly": )" + (directly ? "true" : "false") +
                                          R"(, "Negate": )" + (negate ? "true" : "false") + "}");
    };
    EXPECT_EQ(follows("examine casually", "decide", false, false), (Names{"2", "3", "5", "6"}));
    EXPECT_EQ(follows("examine casually", "decide", true, false), (Names{"2", "5"}));
    EXPECT_EQ(follows("examine casually", "decide", true, true), (Names{"1", "3", "4", "6"}));
    EXPECT_EQ(follows("decide", "decide", false, false), (Names{"3", "5"}));
    EXPECT_EQ(follows("decide", "decide", true, false), Names{});
    EXPECT_EQ(follows("decide", "register request", false, false), Names{});
    EXPECT_EQ(error("FilterFollows", R"({"FirstActivity": "decide", "SecondActivity": "Nope"})"),
              "Setting 'SecondActivity' of FilterFollows names an unknown activity 'Nope'");
}

TEST_F(FilterOperatorsTest, Duration) {
    EXPECT_EQ(cases("FilterDuration", R"({"LowerValue": 9})"), (Names{"2", "3", "5", "6"}));
    EXPECT_EQ(cases("FilterDuration", R"({"UpperValue": 9})"), (Names{"1", "4"}));
    EXPECT_EQ(cases("FilterDuration", R"({"LowerValue": 9, "UpperValue": 10})"), (Names{"2", "6"}));
    EXPECT_EQ(cases("FilterDuration", R"({"LowerValue": 200, "TimeSpanUnits": 3})"),
              (Names{"2", "3", "5", "6"}));
    EXPECT_EQ(cases("FilterDuration", R"({"UpperValue": 1, "TimeSpanUnits": 5})"), Names{"4"});
    EXPECT_EQ(error("FilterDuration", R"({"ColumnName": "Costs", "LowerValue": 1})"),
              "Setting 'ColumnName' of FilterDuration must name a timespan column, 'Costs' is "
              "integer");
    EXPECT_EQ(error("FilterDuration", R"({"ColumnName": "Nope", "LowerValue": 1})"),
              "Setting 'ColumnName' of FilterDuration names an unknown column 'Nope'");
    EXPECT_EQ(error("FilterDuration", "{}"),
              "Setting 'LowerValue' or 'UpperValue' of FilterDuration is required");
}

TEST_F(FilterOperatorsTest, CaseSizeAndRework) {
    EXPECT_EQ(cases("FilterCaseSize", R"({"MinEvents": 6})"), (Names{"3", "5"}));
    EXPECT_EQ(cases("FilterCaseSize", R"({"MaxEvents": 5})"), (Names{"1", "2", "4", "6"}));
    EXPECT_EQ(cases("FilterCaseSize", R"({"MinEvents": 6, "MaxEvents": 10})"), Names{"3"});
    EXPECT_EQ(error("FilterCaseSize", "{}"),
              "Setting 'MinEvents' or 'MaxEvents' of FilterCaseSize is required");

    EXPECT_EQ(cases("FilterRework", R"({"ActivityName": "check ticket"})"), (Names{"3", "5"}));
    EXPECT_EQ(cases("FilterRework", R"({"ActivityName": "check ticket", "MinOccurrences": 3})"),
              Names{"5"});
    EXPECT_EQ(error("FilterRework", R"({"ActivityName": "Nope"})"),
              "Setting 'ActivityName' of FilterRework names an unknown activity 'Nope'");
}

TEST_F(FilterOperatorsTest, FiltersSeeTheEventsEarlierFiltersKept) {
    const AnalysisState trimmed = *dates(5, "2011-01-10", "2011-01-16T23:59:59Z").state;
    const auto on_trimmed = [&](std::string_view name, const std::string& configuration) {
        return case_ids(*run_operator(name, configuration, trimmed, context).state);
    };
    EXPECT_EQ(on_trimmed("FilterCaseSize", R"({"MinEvents": 2})"), Names{"5"});
    EXPECT_EQ(on_trimmed("FilterAttribute",
                         R"({"ColumnName": "~calc~StartActivity", "CompareValue": "decide"})"),
              Names{"5"});
    EXPECT_EQ(on_trimmed("FilterStartEndActivity", R"({"EndActivities": ["pay compensation"]})"),
              (Names{"3", "6"}));
}

// The two filters recorded with PM4Py's figures, through the operators.
class FilterReferenceTest : public testing::TestWithParam<SharedLog> {};

TEST_P(FilterReferenceTest, FiltersMatchReference) {
    const AnalysisState input{LogView(load_shared_log(GetParam()))};
    const OperatorContext context;
    const nlohmann::json filters = shared_reference(GetParam())["filters"];
    const auto count = [&](std::string_view name, const nlohmann::json& configuration) {
        return run_operator(name, configuration.dump(), input, context).state->view.case_count();
    };

    const nlohmann::json& with_activity = filters["cases_containing_most_frequent_activity"];
    const auto activity = with_activity["activity"].get<std::string>();
    const auto expected = with_activity["cases"].get<size_t>();
    EXPECT_EQ(count("FilterActivities", {{"ActivityNames", nlohmann::json::array({activity})}}),
              expected);
    EXPECT_EQ(
        count("", {{"filterType", "activity"}, {"activities", nlohmann::json::array({activity})}}),
        expected);
    EXPECT_EQ(count("FilterAttribute", {{"ColumnName", input.view.log().metadata.activity_column},
                                        {"CompareMethod", 1},
                                        {"CompareValue", activity}}),
              expected);

    const nlohmann::json& first_half = filters["cases_contained_in_first_half"];
    EXPECT_EQ(count("FilterDate",
                    {{"FilterType", 3},
                     {"StartDateSelection", {{"Variable", 0}, {"Time", first_half["from"]}}},
                     {"EndDateSelection", {{"Variable", 0}, {"Time", first_half["to"]}}}}),
              first_half["cases"].get<size_t>());
}

INSTANTIATE_TEST_SUITE_P(SharedLogs, FilterReferenceTest, testing::ValuesIn(kSharedLogs),
                         [](const testing::TestParamInfo<SharedLog>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
}  // namespace pmstudio::mining
