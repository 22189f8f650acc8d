#include "mining/interval_times.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// Case 1: A [0, 10], B [25, 40], A [35, 50] (overlaps B); case 2: A [0, 20], B (no start) at 30.
// The expected figures are PM4Py's get_service_time and interval performance DFG on this log.
std::shared_ptr<const eventlog::EventLog> interval_log() {
    return eventlog::make_test_log({{"1", "A", 10, "", 0},
                                    {"1", "B", 40, "", 25},
                                    {"1", "A", 50, "", 35},
                                    {"2", "A", 20, "", 0},
                                    {"2", "B", 30}},
                                   true);
}

TEST(IntervalTimesTest, ServiceTimePerActivity) {
    const auto service = service_times(LogView(interval_log()));
    ASSERT_EQ(service.size(), 2U);
    EXPECT_EQ(service[0].count, 3U);  // A: 10, 15, 20 s
    EXPECT_DOUBLE_EQ(service[0].mean_seconds, 15.0);
    EXPECT_DOUBLE_EQ(service[0].median_seconds, 15.0);
    EXPECT_DOUBLE_EQ(service[0].max_seconds, 20.0);
    EXPECT_EQ(service[1].count, 2U);  // B: 15 s, and 0 for the event without a start
    EXPECT_DOUBLE_EQ(service[1].mean_seconds, 7.5);
    EXPECT_DOUBLE_EQ(service[1].min_seconds, 0.0);
}

TEST(IntervalTimesTest, WaitingTimeFromEndToNextStart) {
    const auto waiting = waiting_times(LogView(interval_log()));
    ASSERT_EQ(waiting.size(), 2U);
    // A -> B: 25 - 10 = 15 s (case 1), 30 - 20 = 10 s (case 2, B instantaneous).
    EXPECT_EQ(waiting[0].from, 0U);
    EXPECT_EQ(waiting[0].to, 1U);
    EXPECT_EQ(waiting[0].waiting.count, 2U);
    EXPECT_DOUBLE_EQ(waiting[0].waiting.mean_seconds, 12.5);
    // B -> A: A starts before B ends, no waiting.
    EXPECT_EQ(waiting[1].from, 1U);
    EXPECT_DOUBLE_EQ(waiting[1].waiting.max_seconds, 0.0);
}

TEST(IntervalTimesTest, WithoutStartTimesEventsAreInstantaneous) {
    const LogView view(eventlog::make_test_log({{"1", "A", 10}, {"1", "B", 25}}));
    EXPECT_DOUBLE_EQ(service_times(view)[0].max_seconds, 0.0);
    EXPECT_DOUBLE_EQ(waiting_times(view)[0].waiting.mean_seconds, 15.0);
}

}  // namespace
}  // namespace pmstudio::mining
