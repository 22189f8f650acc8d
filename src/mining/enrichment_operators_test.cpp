#include "mining/enrichment_operators.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "eventlog/time_format.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::Column;
using eventlog::LogView;
using eventlog::ValueType;
using Names = std::vector<std::string>;
using Texts = std::vector<std::string>;              // per case "1".."6", "" for null
using Micros = std::vector<std::optional<int64_t>>;  // per case "1".."6"

constexpr int64_t kMinute = 60 * eventlog::kMicrosPerSecond;

int64_t span(int64_t days, int64_t hours, int64_t minutes) {
    return ((days * 24 + hours) * 60 + minutes) * kMinute;
}

int64_t instant(std::string_view text) {
    return *parse_datetime_micros(text);
}

// running-example.csv (see filter_operators_test.cpp for its cases); case "k" has index k - 1.
class EnrichmentOperatorsTest : public testing::Test {
protected:
    const AnalysisState input{LogView(running_example())};
    const OperatorContext context{.now = instant("2011-02-01T00:00:00Z"), .block_tables = {}};

    AnalysisState run(std::string_view name, const std::string& configuration,
                      const AnalysisState& from) const {
        return *run_operator(name, configuration, from, context).state;
    }
    AnalysisState run(std::string_view name, const std::string& configuration) const {
        return run(name, configuration, input);
    }
    std::string error(std::string_view name, const std::string& configuration) const {
        try {
            run(name, configuration);
        } catch (const OperatorError& e) {
            return e.what();
        }
        return "no error";
    }
    static const Column& attribute(const AnalysisState& state, std::string_view name) {
        static const Column missing;
        const Column* column = state.derived_attribute(name);
        if (column == nullptr) ADD_FAILURE() << "no attribute " << name;
        return column != nullptr ? *column : missing;
    }
    static Texts texts(const AnalysisState& state, std::string_view name) {
        const Column& column = attribute(state, name);
        Texts out;
        for (size_t c = 0; c < column.size(); ++c) out.push_back(column.text(c));
        return out;
    }
    static Micros ints(const AnalysisState& state, std::string_view name, ValueType type) {
        const Column& column = attribute(state, name);
        EXPECT_EQ(column.type, type) << name;
        Micros out;
        for (size_t c = 0; c < column.size(); ++c) {
            out.push_back(column.is_null(c) ? std::nullopt : std::optional(column.ints[c]));
        }
        return out;
    }
    static Names case_ids(const AnalysisState& state) {
        Names out;
        for (uint32_t c : state.view.cases()) out.push_back(state.view.log().case_ids[c]);
        return out;
    }
};

TEST_F(EnrichmentOperatorsTest, DurationBetweenActivities) {
    const auto between = [&](const std::string& second, int first_or_last) {
        return ints(run("OperatorDurationBetweenActivities",
                        R"({"FirstActivityName": "register request", "SecondActivityName": ")" +
                            second + R"(", "SecondActivityFirstOrLast": )" +
                            std::to_string(first_or_last) + R"(, "NewAttributeName": "Span"})"),
                    "Span", ValueType::TimeSpan);
    };
    EXPECT_EQ(between("decide", 1), (Micros{span(7, 0, 16), span(5, 23, 50), span(6, 18, 46),
                                            span(2, 21, 0), span(4, 4, 26), span(1, 1, 50)}));
    EXPECT_EQ(between("decide", 2), (Micros{span(7, 0, 16), span(5, 23, 50), span(9, 19, 23),
                                            span(2, 21, 0), span(17, 4, 10), span(1, 1, 50)}));
    EXPECT_EQ(between("pay compensation", 1),
              (Micros{std::nullopt, span(9, 0, 33), span(15, 20, 13), std::nullopt, std::nullopt,
                      span(9, 20, 45)}));
    // Cases outside the view are null.
    const AnalysisState short_cases = run("FilterCaseSize", R"({"MaxEvents": 5})");
    EXPECT_EQ(ints(run("OperatorDurationBetweenActivities",
                       R"({"FirstActivityName": "register request", "SecondActivityName": "decide",
                           "NewAttributeName": "Span"})",
                       short_cases),
                   "Span", ValueType::TimeSpan),
              (Micros{span(7, 0, 16), span(5, 23, 50), std::nullopt, span(2, 21, 0), std::nullopt,
                      span(1, 1, 50)}));
    EXPECT_EQ(error("OperatorDurationBetweenActivities",
                    R"({"FirstActivityName": "Nope", "SecondActivityName": "decide",
                        "NewAttributeName": "Span"})"),
              "Setting 'FirstActivityName' of OperatorDurationBetweenActivities names an unknown "
              "activity 'Nope'");
}

TEST_F(EnrichmentOperatorsTest, DurationCategorization) {
    const std::string thresholds =
        R"("FastDuration": "7.00:00:00", "NormalDuration": "10.00:00:00",
           "SlowDuration": "16.00:00:00", "NewAttributeName": "Speed")";
    const AnalysisState by_duration =
        run("OperatorDurationCategorization",
            R"({"AttributeName": "~calc~CaseDuration", )" + thresholds + "}");
    EXPECT_EQ(texts(by_duration, "Speed"),
              (Texts{"Normal", "Normal", "Slow", "Fast", "Very Slow", "Normal"}));
    EXPECT_EQ(attribute(by_duration, "Speed").dictionary,
              (Texts{"Fast", "Normal", "Slow", "Very Slow"}));

    const AnalysisState to_payment =
        run("OperatorDurationBetweenActivities",
            R"({"FirstActivityName": "register request", "SecondActivityName": "pay compensation",
                "NewAttributeName": "ToPayment"})");
    EXPECT_EQ(texts(run("OperatorDurationCategorization",
                        R"({"AttributeName": "ToPayment", )" + thresholds + "}", to_payment),
                    "Speed"),
              (Texts{"Unknown", "Normal", "Slow", "Unknown", "Unknown", "Normal"}));
    EXPECT_EQ(error("OperatorDurationCategorization",
                    R"({"AttributeName": "~calc~CaseEnd", )" + thresholds + "}"),
              "Setting 'AttributeName' of OperatorDurationCategorization must name a timespan "
              "column, '~calc~CaseEnd' is datetime");
}

TEST_F(EnrichmentOperatorsTest, TimeDifferenceFromCurrentTime) {
    // Settings text of enrichment-TimeSinceLastActivity.json.
    const std::string exported =
        "{\r\n  \"AttributeName\": \"~calc~CaseEnd\",\r\n  \"AttributeValueAsLastTime\": false,\r\n"
        "  \"DurationType\": 8,\r\n  \"AllowFractionalPeriods\": false,\r\n  \"NewAttributeName\": "
        "\"TimeSinceLastActivity\",\r\n  \"OperatorName\": "
        "\"OperatorTimeDifferenceFromCurrentTime\"\r\n}";
    const std::string name = "TimeSinceLastActivity";
    EXPECT_EQ(
        ints(run("OperatorTimeDifferenceFromCurrentTime", exported), name, ValueType::TimeSpan),
        (Micros{span(24, 10, 36), span(23, 12, 55), span(16, 14, 15), span(19, 9, 16),
                span(7, 10, 4), span(15, 13, 13)}));
    // After FreezeLogTime: from the end of the dataset, 2011-01-24T13:56Z.
    const AnalysisState frozen = run("FreezeLogTime", "{}");
    const Micros since_end = ints(run("OperatorTimeDifferenceFromCurrentTime", exported, frozen),
                                  name, ValueType::TimeSpan);
    EXPECT_EQ(since_end[0], span(17, 0, 32));
    EXPECT_EQ(since_end[4], 0);

    // An event column: its first value in the case, or its last with AttributeValueAsLastTime.
    const auto since_event = [&](bool last) {
        return ints(run("OperatorTimeDifferenceFromCurrentTime",
                        std::string(R"({"AttributeName": "time:timestamp", "NewAttributeName": "T",
                                        "AttributeValueAsLastTime": )") +
                            (last ? "true" : "false") + "}"),
                    "T", ValueType::TimeSpan);
    };
    EXPECT_EQ(since_event(true)[0], span(24, 10, 36));
    EXPECT_EQ(since_event(false)[0],
              instant("2011-02-01T00:00:00Z") - instant("2010-12-30T10:02Z"));
    EXPECT_EQ(error("OperatorTimeDifferenceFromCurrentTime",
                    R"({"AttributeName": "Nope", "NewAttributeName": "T"})"),
              "Setting 'AttributeName' of OperatorTimeDifferenceFromCurrentTime names an unknown "
              "column 'Nope'");
}

TEST_F(EnrichmentOperatorsTest, ADatasetFrozenInTimeStartsFrozen) {
    // An imported mindzie dataset carries the freeze time of its enrichment: the analysis starts
    // with it as "now", as if a FreezeLogTime block came first.
    auto frozen_log = std::make_shared<eventlog::EventLog>(*running_example());
    frozen_log->metadata.freeze_time = instant("2011-01-24T13:56Z");
    const AnalysisState frozen{LogView(frozen_log)};
    EXPECT_EQ(frozen.frozen_now, instant("2011-01-24T13:56Z"));
    EXPECT_FALSE(input.frozen_now.has_value());
    const std::string since_end = R"({"AttributeName": "~calc~CaseEnd", "NewAttributeName": "T"})";
    const Micros since = ints(run("OperatorTimeDifferenceFromCurrentTime", since_end, frozen), "T",
                              ValueType::TimeSpan);
    EXPECT_EQ(since[0], span(17, 0, 32));
    EXPECT_EQ(since[4], 0);
    EXPECT_EQ(
        ints(run("OperatorTimeDifferenceFromCurrentTime", since_end), "T", ValueType::TimeSpan)[0],
        span(24, 10, 36));
}

// FilterListSettings as exported: a JSON string whose entries hold their settings as JSON text.
std::string filter_list(const std::vector<std::pair<std::string, nlohmann::json>>& filters) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [name, settings] : filters) {
        list.push_back({{"OperatorName", name}, {"JsonText", settings.dump(2)}});
    }
    return nlohmann::json{{"FilterSettingsList", list}}.dump(2);
}

TEST_F(EnrichmentOperatorsTest, CaseGroup) {
    const nlohmann::json rejected = {{"ColumnName", "~calc~EndActivity"},
                                     {"CompareMethod", 1},
                                     {"CompareValue", "reject request"}};
    const auto group = [&](const nlohmann::json& more, const std::string& list,
                           const AnalysisState& from) {
        nlohmann::json configuration = {{"NewAttributepName", "Rejected"},
                                        {"IsEventAttribute", false},
                                        {"FilterListSettings", list}};
        configuration.update(more);
        return run("OperatorCaseGroup", configuration.dump(), from);
    };
    const std::string one = filter_list({{"FilterAttribute", rejected}});
    EXPECT_EQ(ints(group({{"TrueFalseGroup", true}}, one, input), "Rejected", ValueType::Boolean),
              (Micros{1, 0, 0, 1, 1, 0}));
    EXPECT_EQ(texts(group({{"TrueFalseGroup", false}, {"GroupName", "Rejected cases"}}, one, input),
                    "Rejected"),
              (Texts{"Rejected cases", "", "", "Rejected cases", "Rejected cases", ""}));
    const std::string two =
        filter_list({{"FilterAttribute", rejected}, {"FilterCaseSize", {{"MaxEvents", 5}}}});
    EXPECT_EQ(ints(group(nlohmann::json::object(), two, input), "Rejected", ValueType::Boolean),
              (Micros{1, 0, 0, 1, 0, 0}));
    const AnalysisState long_cases = run("FilterCaseSize", R"({"MinEvents": 6})");
    EXPECT_EQ(
        ints(group(nlohmann::json::object(), one, long_cases), "Rejected", ValueType::Boolean),
        (Micros{std::nullopt, std::nullopt, 0, std::nullopt, 1, std::nullopt}));
    EXPECT_EQ(ints(group(nlohmann::json::object(), filter_list({}), input), "Rejected",
                   ValueType::Boolean),
              (Micros{1, 1, 1, 1, 1, 1}));

    EXPECT_EQ(error("OperatorCaseGroup", R"({"NewAttributepName": "G", "TrueFalseGroup": false})"),
              "Setting 'GroupName' of OperatorCaseGroup is required");
    EXPECT_EQ(error("OperatorCaseGroup", R"({"NewAttributepName": "G", "IsEventAttribute": true})"),
              "Setting 'IsEventAttribute' of OperatorCaseGroup must be false: derived attributes "
              "are case attributes");
    const std::string unknown =
        filter_list({{"FilterAttribute", {{"ColumnName", "Nope"}, {"CompareValue", "x"}}}});
    EXPECT_EQ(
        error("OperatorCaseGroup",
              nlohmann::json{{"NewAttributepName", "G"}, {"FilterListSettings", unknown}}.dump()),
        "FilterSettingsList[0] (FilterAttribute): Setting 'ColumnName' of FilterAttribute "
        "names an unknown column 'Nope'");
}

TEST_F(EnrichmentOperatorsTest, CaseRepresentativeAttribute) {
    // Settings text of enrichment-RegistrationTime_paste.json, with the running example's names.
    const std::string exported =
        "{\r\n  \"EventColumnName\": \"time:timestamp\",\r\n  \"NewAttributeName\": "
        "\"RegistrationTime\",\r\n  \"CaseRepresentativeActivityNames\": [\r\n    \"register "
        "request\"\r\n  ],\r\n  \"CaseRepresentativeEventSelection\": 2,\r\n  "
        "\"SelectLatestEventIfSpecificsAreNull\": false,\r\n  \"DerivedAttribute\": true,\r\n  "
        "\"FilterListSettings\": \"{\\r\\n  \\\"FilterSettingsList\\\": []\\r\\n}\"\r\n}";
    EXPECT_EQ(
        ints(run("CaseRepresentativeAttribute", exported), "RegistrationTime", ValueType::DateTime),
        (Micros{instant("2010-12-30T10:02Z"), instant("2010-12-30T10:32Z"),
                instant("2010-12-30T13:32Z"), instant("2011-01-06T14:02Z"),
                instant("2011-01-06T08:02Z"), instant("2011-01-06T14:02Z")}));

    const auto representative = [&](const std::string& settings) {
        return run("CaseRepresentativeAttribute",
                   R"({"NewAttributeName": "Value", )" + settings + "}");
    };
    const std::string checks =
        R"("EventColumnName": "org:resource", "CaseRepresentativeActivityNames": ["check ticket"])";
    EXPECT_EQ(texts(representative(checks + R"(, "CaseRepresentativeEventSelection": 2)"), "Value"),
              (Texts{"Mike", "Mike", "Pete", "Mike", "Pete", "Mike"}));
    EXPECT_EQ(texts(representative(checks), "Value"),
              (Texts{"Mike", "Mike", "Ellen", "Mike", "Pete", "Mike"}));
    const std::string without_rework =
        filter_list({{"FilterActivities",
                      {{"ActivityNames", {"reinitiate request"}}, {"Mode", "KeepCasesWithNone"}}}});
    EXPECT_EQ(texts(representative(checks + R"(, "FilterListSettings": )" +
                                   nlohmann::json(without_rework).dump()),
                    "Value"),
              (Texts{"Mike", "Mike", "", "Mike", "", "Mike"}));

    const std::string costs =
        R"("EventColumnName": "Costs", "CaseRepresentativeActivityNames": ["examine casually"])";
    EXPECT_EQ(texts(representative(costs), "Value"), (Texts{"", "400", "400", "", "400", "400"}));
    EXPECT_EQ(
        texts(representative(costs + R"(, "SelectLatestEventIfSpecificsAreNull": true)"), "Value"),
        (Texts{"200", "400", "400", "200", "400", "400"}));
    // No activities: the first event of the case.
    EXPECT_EQ(texts(representative(R"("EventColumnName": "org:resource")"), "Value"),
              (Texts{"Pete", "Mike", "Pete", "Pete", "Ellen", "Mike"}));

    EXPECT_EQ(error("CaseRepresentativeAttribute",
                    R"({"EventColumnName": "Costs", "NewAttributeName": "V",
                        "CaseRepresentativeActivityNames": ["Nope"]})"),
              "Setting 'CaseRepresentativeActivityNames' of CaseRepresentativeAttribute names an "
              "unknown activity 'Nope'");
}

TEST_F(EnrichmentOperatorsTest, FreezeLogTime) {
    const OperatorOutput given =
        run_operator("FreezeLogTime", R"({"FreezeTime": "2011-01-05T12:00:00Z"})", input, context);
    EXPECT_EQ(given.state->frozen_now, instant("2011-01-05T12:00:00Z"));
    EXPECT_EQ(given.details["FreezeTime"], "2011-01-05T12:00:00Z");
    EXPECT_EQ(given.state->view.case_count(), 6U);
    EXPECT_EQ(run("FreezeLogTime", "{}").frozen_now, instant("2011-01-24T13:56:00Z"));
}

TEST_F(EnrichmentOperatorsTest, FrozenTimeIsNowForRelativeDates) {
    const auto today = [&](const AnalysisState& from) {
        return run_operator("FilterDate", R"({"StartDateSelection": {"Variable": 21}})", from,
                            context)
            .details["UsedStartDate"];
    };
    EXPECT_EQ(today(input), "2011-02-01T00:00:00Z");
    EXPECT_EQ(today(run("FreezeLogTime", R"({"FreezeTime": "2011-01-05T12:00:00Z"})")),
              "2011-01-05T00:00:00Z");
    // Without FreezeTime: the end of the dataset, Monday 2011-01-24T13:56Z.
    const OperatorOutput last_week_of_log =
        run_operator("FilterDate",
                     R"({"FilterType": 4, "StartDateSelection": {"Variable": 1},
            "EndDateSelection": {"Variable": 11}})",
                     run("FreezeLogTime", "{}"), context);
    EXPECT_EQ(case_ids(*last_week_of_log.state), Names{"5"});
    EXPECT_EQ(last_week_of_log.details["UsedStartDate"], "2011-01-24T00:00:00Z");
}

TEST_F(EnrichmentOperatorsTest, DayOfWeekAndBusinessHours) {
    EXPECT_EQ(texts(run("OperatorAddDayOfWeek",
                        R"({"AttributeName": "~calc~CaseEnd", "NewAttributeName": "Day"})"),
                    "Day"),
              (Texts{"Friday", "Saturday", "Saturday", "Wednesday", "Monday", "Sunday"}));
    const AnalysisState starts = run("OperatorAddDayOfWeek", R"({"NewAttributeName": "Day"})");
    EXPECT_EQ(texts(starts, "Day"), Texts(6, "Thursday"));
    EXPECT_EQ(attribute(starts, "Day").dictionary, Texts{"Thursday"});

    const auto hours = [&](const std::string& settings) {
        return ints(run("OperatorBusinessHours", R"({"NewAttributeName": "Open")" + settings + "}"),
                    "Open", ValueType::Boolean);
    };
    // Case starts (the time column's first value): Thursdays 10:02, 10:32, 13:32, 14:02, 08:02,
    // 14:02; case ends: Fri 13:24, Sat, Sat, Wed 14:44, Mon 13:56, Sun.
    EXPECT_EQ(hours(""), (Micros{1, 1, 1, 1, 0, 1}));
    EXPECT_EQ(hours(R"(, "StartTime": "10:30:00")"), (Micros{0, 1, 1, 1, 0, 1}));
    const std::string ends = R"(, "AttributeName": "~calc~CaseEnd")";
    EXPECT_EQ(hours(ends), (Micros{1, 0, 0, 1, 1, 0}));
    EXPECT_EQ(hours(ends + R"(, "EndTime": "14:00:00")"), (Micros{1, 0, 0, 0, 1, 0}));
    EXPECT_EQ(hours(ends + R"(, "WorkDays": ["saturday", "Sunday"])"), (Micros{0, 1, 1, 0, 0, 1}));
    EXPECT_EQ(error("OperatorBusinessHours",
                    R"({"NewAttributeName": "Open", "WorkDays": ["Monday", "Someday"]})"),
              "Setting 'WorkDays' of OperatorBusinessHours names an unknown weekday 'Someday'");
    EXPECT_EQ(error("OperatorAddDayOfWeek",
                    R"({"AttributeName": "~calc~CaseDuration", "NewAttributeName": "Day"})"),
              "Setting 'AttributeName' of OperatorAddDayOfWeek must name a datetime column, "
              "'~calc~CaseDuration' is timespan");
}

TEST_F(EnrichmentOperatorsTest, CaseDuration) {
    EXPECT_EQ(ints(run("OperatorCaseDuration", "{}"), "CaseDuration", ValueType::TimeSpan),
              (Micros{span(8, 3, 22), span(9, 0, 33), span(15, 20, 13), span(6, 0, 42),
                      span(18, 5, 54), span(9, 20, 45)}));
    // The durations of the view: trimmed cases last shorter.
    const AnalysisState january_tenth_on =
        *run_operator(
             "FilterDate",
             R"({"FilterType": 5, "StartDateSelection": {"Time": "2011-01-10T00:00:00Z"}})", input,
             context)
             .state;
    EXPECT_EQ(ints(run("OperatorCaseDuration", R"({"NewAttributeName": "D"})", january_tenth_on),
                   "D", ValueType::TimeSpan),
              (Micros{std::nullopt, std::nullopt, 0, 0, span(14, 1, 28), 0}));
    EXPECT_EQ(error("OperatorCaseDuration", R"({"NewAttributeName": ""})"),
              "Setting 'NewAttributeName' of OperatorCaseDuration must not be empty");
}

TEST_F(EnrichmentOperatorsTest, FiltersUseDerivedAttributes) {
    const AnalysisState decided =
        run("CaseRepresentativeAttribute",
            R"({"EventColumnName": "time:timestamp", "NewAttributeName": "DecisionTime",
                "CaseRepresentativeActivityNames": ["decide"]})",
            run("OperatorDurationBetweenActivities",
                R"({"FirstActivityName": "register request", "SecondActivityName": "decide",
                    "NewAttributeName": "TimeToDecision"})"));
    const auto cases = [&](std::string_view name, const std::string& configuration) {
        return case_ids(run(name, configuration, decided));
    };
    EXPECT_EQ(cases("FilterAttribute", R"({"ColumnName": "TimeToDecision", "CompareMethod": 7,
                                           "CompareValue": 6})"),
              (Names{"1", "3"}));
    EXPECT_EQ(cases("", R"({"filterType": "caseAttribute", "attribute": "timetodecision",
                            "operator": "lessThan", "value": "1.12:00:00"})"),
              Names{"6"});
    EXPECT_EQ(cases("FilterDuration", R"({"ColumnName": "TimeToDecision", "UpperValue": 3})"),
              (Names{"4", "6"}));
    EXPECT_EQ(cases("FilterDate",
                    R"({"FilterType": 7, "AttributeName": "DecisionTime",
                        "StartDateSelection": {"Time": "2011-01-06T00:00:00Z"},
                        "EndDateSelection": {"Time": "2011-01-06T23:59:59Z"}})"),
              (Names{"1", "3"}));
    const std::string quick = filter_list(
        {{"FilterAttribute",
          {{"ColumnName", "TimeToDecision"}, {"CompareMethod", 9}, {"CompareValue", 3}}}});
    EXPECT_EQ(ints(run("OperatorCaseGroup",
                       nlohmann::json{{"NewAttributepName", "Quick"}, {"FilterListSettings", quick}}
                           .dump(),
                       decided),
                   "Quick", ValueType::Boolean),
              (Micros{0, 0, 0, 1, 0, 1}));

    // Nulls are empty; a derived attribute hides a log column of the same name.
    const AnalysisState to_payment =
        run("OperatorDurationBetweenActivities",
            R"({"FirstActivityName": "register request", "SecondActivityName": "pay compensation",
                "NewAttributeName": "Costs"})");
    EXPECT_EQ(case_ids(run("FilterAttribute", R"({"ColumnName": "Costs", "CompareMethod": 12})",
                           to_payment)),
              (Names{"1", "4", "5"}));
    EXPECT_EQ(case_ids(run("FilterAttribute",
                           R"({"ColumnName": "Costs", "CompareMethod": 7, "CompareValue": 10})",
                           to_payment)),
              Names{"3"});
}

}  // namespace
}  // namespace pmstudio::mining
