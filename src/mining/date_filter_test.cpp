#include "mining/date_filter.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using enum DateFilterType;
using Names = std::vector<std::string>;

constexpr int64_t kSecond = eventlog::kMicrosPerSecond;

// Case 1: A@10 B@20 (due 100), 2: A@30 C@40 (due 200), 3: B@50 (no due); the event attribute
// "checked" is set on B@20 (25) and C@40 (45).
LogView three_cases() {
    return LogView(eventlog::make_test_log(
        {{"1", "A", 10}, {"1", "B", 20}, {"2", "A", 30}, {"2", "C", 40}, {"3", "B", 50}}, false,
        [](eventlog::EventLogBuilder& builder, size_t row, const eventlog::TestEvent& event) {
            if (event.case_id != "3") {
                builder.attribute("due", eventlog::AttributeLevel::Case)
                    .set_datetime(row, (event.case_id == "1" ? 100 : 200) * kSecond);
            }
            if (event.activity != "A" && event.case_id != "3") {
                builder.attribute("checked", eventlog::AttributeLevel::Event)
                    .set_datetime(row, (event.seconds + 5) * kSecond);
            }
        }));
}

std::vector<std::string> case_ids(const LogView& view) {
    std::vector<std::string> out;
    for (uint32_t c : view.cases()) out.push_back(view.log().case_ids[c]);
    return out;
}

TimeRange seconds(int64_t from, int64_t to) {
    return {from * kSecond, to * kSecond};
}

TEST(DateFilterTest, CasesByTheirFirstAndLastEvent) {
    const LogView view = three_cases();
    EXPECT_EQ(case_ids(filter_date(view, CasesStartingInRange, seconds(15, 35))), Names{"2"});
    EXPECT_EQ(case_ids(filter_date(view, CasesEndingInRange, seconds(15, 35))), Names{"1"});
    EXPECT_EQ(case_ids(filter_date(view, CasesContainedInRange, seconds(10, 40))),
              (Names{"1", "2"}));
    EXPECT_EQ(case_ids(filter_date(view, CasesContainedInRange, seconds(10, 40), {}, true)),
              Names{"3"});
    EXPECT_EQ(case_ids(filter_date(view, CasesIntersectingRange, seconds(25, 45))), Names{"2"});
    // Both ends are included.
    EXPECT_EQ(case_ids(filter_date(view, CasesIntersectingRange, seconds(20, 50))),
              (Names{"1", "2", "3"}));
}

TEST(DateFilterTest, TrimEvents) {
    const LogView view = three_cases();
    const LogView inside = filter_date(view, TrimEventsToRange, seconds(15, 45));
    EXPECT_EQ(case_ids(inside), (Names{"1", "2"}));
    EXPECT_EQ(inside.event_count(), 3U);
    const LogView outside = filter_date(view, TrimEventsToRange, seconds(15, 45), {}, true);
    EXPECT_EQ(case_ids(outside), (Names{"1", "3"}));
    EXPECT_EQ(outside.event_count(), 2U);
}

TEST(DateFilterTest, CasesWithActivityOrAttributeInRange) {
    const LogView view = three_cases();
    EXPECT_EQ(case_ids(filter_date(view, CasesWithActivityInRange, seconds(25, 60), "A")),
              Names{"2"});
    EXPECT_EQ(case_ids(filter_date(view, CasesWithActivityInRange, seconds(0, 60), "X")), Names{});
    EXPECT_EQ(case_ids(filter_date(view, CasesWithAttributeInRange, seconds(150, 250), "due")),
              Names{"2"});
    EXPECT_EQ(
        case_ids(filter_date(view, CasesWithAttributeInRange, seconds(150, 250), "due", true)),
        (Names{"1", "3"}));
    EXPECT_EQ(case_ids(filter_date(view, CasesWithAttributeInRange, seconds(0, 30), "checked")),
              Names{"1"});
    EXPECT_EQ(
        case_ids(filter_date(view, CasesWithAttributeInRange, seconds(0, 30), "~calc~CaseEnd")),
        Names{"1"});
    EXPECT_THROW(filter_date(view, CasesWithAttributeInRange, seconds(0, 30), "activity"),
                 std::invalid_argument);
    EXPECT_THROW(filter_date(view, CasesWithAttributeInRange, seconds(0, 30), "nothing"),
                 std::invalid_argument);
}

}  // namespace
}  // namespace pmstudio::mining
