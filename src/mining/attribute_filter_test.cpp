#include "mining/attribute_filter.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::AttributeLevel;
using eventlog::LogView;
using enum CompareMethod;
using Names = std::vector<std::string>;

// Case attributes region (String), amount (Double), priority (Integer), vip (Boolean); event
// attributes cost (Integer) and status (String).
//   case 1: North, 120.5, 2, true;  A@10 Ann cost 5 ok,  B@20 Bob cost 50 (no status)
//   case 2: South, 80, 1, false;    A@30 cost 7 late,    C@40 (no cost) ok
//   case 3: (no region), 300, 3;    B@50 Ann cost 500 ok
LogView three_cases() {
    struct Values {
        const char* region;
        double amount;
        int64_t priority;
        int vip;  // -1: null
    };
    const std::map<std::string, Values> cases = {
        {"1", {"North", 120.5, 2, 1}}, {"2", {"South", 80, 1, 0}}, {"3", {nullptr, 300, 3, -1}}};
    struct Row {
        int64_t cost;  // -1: null
        const char* status;
    };
    const std::vector<Row> rows = {{5, "ok"}, {50, nullptr}, {7, "late"}, {-1, "ok"}, {500, "ok"}};
    return LogView(eventlog::make_test_log(
        {{"1", "A", 10, "Ann"},
         {"1", "B", 20, "Bob"},
         {"2", "A", 30},
         {"2", "C", 40},
         {"3", "B", 50, "Ann"}},
        false,
        [&](eventlog::EventLogBuilder& builder, size_t row, const eventlog::TestEvent& event) {
            const Values& values = cases.at(event.case_id);
            if (values.region)
                builder.attribute("region", AttributeLevel::Case).set_string(row, values.region);
            builder.attribute("amount", AttributeLevel::Case).set_double(row, values.amount);
            builder.attribute("priority", AttributeLevel::Case).set_integer(row, values.priority);
            if (values.vip >= 0)
                builder.attribute("vip", AttributeLevel::Case).set_boolean(row, values.vip == 1);
            if (rows[row].cost >= 0)
                builder.attribute("cost", AttributeLevel::Event).set_integer(row, rows[row].cost);
            if (rows[row].status)
                builder.attribute("status", AttributeLevel::Event)
                    .set_string(row, rows[row].status);
        }));
}

std::vector<std::string> case_ids(const LogView& view) {
    std::vector<std::string> out;
    for (uint32_t c : view.cases()) out.push_back(view.log().case_ids[c]);
    return out;
}

Names matching(const LogView& view, const std::string& column, CompareMethod method,
               std::vector<AttributeValue> values) {
    return case_ids(filter_cases_by_attribute(view, {column, method, std::move(values)}));
}

TEST(AttributeFilterTest, TextCaseAttribute) {
    const LogView view = three_cases();
    EXPECT_EQ(matching(view, "region", Is, {"North"}), Names{"1"});
    EXPECT_EQ(matching(view, "region", IsNot, {"North"}), (Names{"2", "3"}));  // null is not North
    EXPECT_EQ(matching(view, "region", Contains, {"th"}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "region", DoesNotContain, {"th"}), Names{"3"});
    EXPECT_EQ(matching(view, "region", StartsWith, {"So"}), Names{"2"});
    EXPECT_EQ(matching(view, "region", EndsWith, {"rth"}), Names{"1"});
    EXPECT_EQ(matching(view, "region", GreaterThan, {"M"}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "region", Between, {"A", "O"}), Names{"1"});
    EXPECT_EQ(matching(view, "region", IsEmpty, {}), Names{"3"});
    EXPECT_EQ(matching(view, "region", IsNotEmpty, {}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "region", IsOneOf, {"North", "West"}), Names{"1"});
    EXPECT_EQ(matching(view, "region", IsNotOneOf, {"North", "West"}), (Names{"2", "3"}));
    EXPECT_EQ(matching(view, "region", MatchesRegex, {"^S.u"}), Names{"2"});
    EXPECT_EQ(matching(view, "region", Is, {"north"}), Names{});  // case-sensitive
}

TEST(AttributeFilterTest, NumericAndBooleanCaseAttributes) {
    const LogView view = three_cases();
    EXPECT_EQ(matching(view, "amount", GreaterThan, {int64_t{100}}), (Names{"1", "3"}));
    EXPECT_EQ(matching(view, "amount", Between, {int64_t{80}, 120.5}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "amount", Is, {"80"}), Names{"2"});        // text read as a number
    EXPECT_EQ(matching(view, "amount", Contains, {".5"}), Names{"1"});  // on the canonical text
    EXPECT_EQ(matching(view, "priority", LessThanOrEqual, {2.5}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "priority", IsOneOf, {int64_t{1}, int64_t{3}}), (Names{"2", "3"}));
    EXPECT_EQ(matching(view, "vip", Is, {true}), Names{"1"});
    EXPECT_EQ(matching(view, "vip", IsNot, {true}), (Names{"2", "3"}));
    EXPECT_EQ(matching(view, "vip", IsEmpty, {}), Names{"3"});
}

TEST(AttributeFilterTest, RemoveKeepsTheOtherCases) {
    const LogView view = three_cases();
    EXPECT_EQ(case_ids(filter_cases_by_attribute(view, {"region", Is, {"North"}}, {}, true)),
              (Names{"2", "3"}));
    EXPECT_EQ(
        case_ids(filter_cases_by_attribute(view, {"cost", GreaterThan, {int64_t{40}}}, {}, true)),
        Names{"2"});
}

TEST(AttributeFilterTest, EventAttributeAnyEventOfTheCase) {
    const LogView view = three_cases();
    EXPECT_EQ(matching(view, "cost", GreaterThan, {int64_t{40}}), (Names{"1", "3"}));
    EXPECT_EQ(matching(view, "status", IsEmpty, {}), Names{"1"});
    // Only events of the activity count (ActivityNameIfEventAttribute).
    EXPECT_EQ(case_ids(filter_cases_by_attribute(view, {"cost", GreaterThan, {int64_t{6}}}, "A")),
              Names{"2"});
    EXPECT_EQ(case_ids(filter_cases_by_attribute(view, {"cost", GreaterThan, {int64_t{6}}}, "Z")),
              Names{});
}

TEST(AttributeFilterTest, MappedAndCalculatedColumns) {
    const LogView view = three_cases();
    EXPECT_EQ(matching(view, "activity", Is, {"C"}), Names{"2"});
    EXPECT_EQ(matching(view, "resource", Is, {"Bob"}), Names{"1"});
    EXPECT_EQ(matching(view, "resource", IsEmpty, {}), Names{"2"});
    EXPECT_EQ(matching(view, "case", IsOneOf, {"3", "9"}), Names{"3"});
    EXPECT_EQ(matching(view, "time", GreaterThanOrEqual, {int64_t{40'000'000}}), (Names{"2", "3"}));
    EXPECT_EQ(matching(view, "~calc~EventCount", Is, {int64_t{2}}), (Names{"1", "2"}));
    EXPECT_EQ(matching(view, "~calc~StartActivity", Is, {"B"}), Names{"3"});
    // Calculated on the narrower view: rows follow its cases.
    const LogView later = filter_cases_by_attribute(view, {"region", IsNot, {"North"}});
    EXPECT_EQ(matching(later, "~calc~EventCount", Is, {int64_t{1}}), Names{"3"});
}

TEST(AttributeFilterTest, KeepMatchingEvents) {
    const LogView view = three_cases();
    const LogView ok = filter_events_by_attribute(view, {"status", Is, {"ok"}});
    EXPECT_EQ(case_ids(ok), (Names{"1", "2", "3"}));
    EXPECT_EQ(ok.event_count(), 3U);
    // A case attribute keeps matching cases whole.
    const LogView south = filter_events_by_attribute(view, {"region", Is, {"South"}});
    EXPECT_EQ(case_ids(south), Names{"2"});
    EXPECT_EQ(south.event_count(), 2U);
}

TEST(AttributeFilterTest, InvalidConditions) {
    const LogView view = three_cases();
    EXPECT_THROW(filter_cases_by_attribute(view, {"nothing", Is, {"x"}}), std::invalid_argument);
    EXPECT_THROW(filter_cases_by_attribute(view, {"region", Between, {"A"}}),
                 std::invalid_argument);
    EXPECT_THROW(filter_cases_by_attribute(view, {"region", Is, {}}), std::invalid_argument);
    EXPECT_THROW(filter_cases_by_attribute(view, {"amount", Is, {"lots"}}), std::invalid_argument);
    EXPECT_THROW(filter_cases_by_attribute(view, {"region", MatchesRegex, {"("}}),
                 std::invalid_argument);
}

}  // namespace
}  // namespace pmstudio::mining
