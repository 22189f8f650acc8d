#include "mining/activity_filter.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"
#include "mining/start_end_activity_filter.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using Names = std::vector<std::string>;

// Cases 1: A B C, 2: A C, 3: B, 4: D.
LogView four_cases() {
    return LogView(eventlog::make_test_log({{"1", "A", 1},
                                            {"1", "B", 2},
                                            {"1", "C", 3},
                                            {"2", "A", 1},
                                            {"2", "C", 2},
                                            {"3", "B", 1},
                                            {"4", "D", 1}}));
}

std::vector<std::string> case_ids(const LogView& view) {
    std::vector<std::string> out;
    for (uint32_t c : view.cases()) out.push_back(view.log().case_ids[c]);
    return out;
}

TEST(ActivityFilterTest, CasesByPresence) {
    const LogView view = four_cases();
    using enum ActivityFilterMode;
    EXPECT_EQ(case_ids(filter_activities(view, {"A", "X"}, KeepCasesWithAny)), (Names{"1", "2"}));
    EXPECT_EQ(case_ids(filter_activities(view, {"A", "C"}, KeepCasesWithAll)), (Names{"1", "2"}));
    EXPECT_EQ(case_ids(filter_activities(view, {"A", "B", "A"}, KeepCasesWithAll)), Names{"1"});
    EXPECT_EQ(case_ids(filter_activities(view, {"A", "X"}, KeepCasesWithAll)), Names{});
    EXPECT_EQ(case_ids(filter_activities(view, {"A"}, KeepCasesWithNone)), (Names{"3", "4"}));
    EXPECT_EQ(filter_activities(view, {"A"}, KeepCasesWithAny).event_count(), 5U);
}

TEST(ActivityFilterTest, EventProjections) {
    const LogView view = four_cases();
    const LogView only =
        filter_activities(view, {"A", "B"}, ActivityFilterMode::KeepOnlyTheseEvents);
    EXPECT_EQ(case_ids(only), (Names{"1", "2", "3"}));
    EXPECT_EQ(only.event_count(), 4U);
    const LogView without = filter_activities(view, {"A"}, ActivityFilterMode::RemoveTheseEvents);
    EXPECT_EQ(case_ids(without), (Names{"1", "2", "3", "4"}));
    EXPECT_EQ(without.event_count(), 5U);
    // Later filters see the remaining events only.
    EXPECT_EQ(case_ids(filter_activities(without, {"A"}, ActivityFilterMode::KeepCasesWithAny)),
              Names{});
    EXPECT_EQ(case_ids(filter_start_end_activities(without, {"B"}, {})), (Names{"1", "3"}));
}

TEST(StartEndActivityFilterTest, FirstAndLastEvents) {
    const LogView view = four_cases();
    EXPECT_EQ(case_ids(filter_start_end_activities(view, {"A"}, {})), (Names{"1", "2"}));
    EXPECT_EQ(case_ids(filter_start_end_activities(view, {}, {"C", "D"})), (Names{"1", "2", "4"}));
    EXPECT_EQ(case_ids(filter_start_end_activities(view, {"B", "D"}, {"D"})), Names{"4"});
    EXPECT_EQ(filter_start_end_activities(view, {}, {}).case_count(), 4U);
    EXPECT_EQ(filter_start_end_activities(view, {"X"}, {}).case_count(), 0U);
}

}  // namespace
}  // namespace pmstudio::mining
