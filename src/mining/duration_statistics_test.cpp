#include "mining/duration_statistics.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"
#include "mining/case_durations.h"

namespace pmstudio::mining {
namespace {

TEST(DurationStatisticsTest, MeanMedianMinMaxInSeconds) {
    const DurationStatistics odd = duration_statistics({3'000'000, 1'000'000, 8'000'000});
    EXPECT_EQ(odd.count, 3U);
    EXPECT_DOUBLE_EQ(odd.mean_seconds, 4.0);
    EXPECT_DOUBLE_EQ(odd.median_seconds, 3.0);
    EXPECT_DOUBLE_EQ(odd.min_seconds, 1.0);
    EXPECT_DOUBLE_EQ(odd.max_seconds, 8.0);
    // An even count has the mean of the two middle values as median.
    EXPECT_DOUBLE_EQ(duration_statistics({4, 1'000'000, 2'000'001, 9'000'000}).median_seconds,
                     1.5000005);
    EXPECT_EQ(duration_statistics({}).count, 0U);
    EXPECT_DOUBLE_EQ(duration_statistics({}).mean_seconds, 0.0);
}

TEST(DurationStatisticsTest, SumsDoNotOverflow) {
    // Two spans of 200,000 years sum past int64 microseconds.
    constexpr int64_t kSpan = int64_t{200'000} * 365 * 86'400 * 1'000'000;
    EXPECT_DOUBLE_EQ(duration_statistics({kSpan, kSpan}).mean_seconds, kSpan / 1e6);
}

TEST(CaseDurationsTest, FirstToLastKeptEvent) {
    const eventlog::LogView all(
        eventlog::make_test_log({{"1", "A", 10}, {"1", "B", 15}, {"1", "C", 40}, {"2", "A", 5}}));
    const CaseDurations durations = case_durations(all);
    EXPECT_EQ(durations.micros, (std::vector<int64_t>{30'000'000, 0}));
    EXPECT_DOUBLE_EQ(durations.statistics.mean_seconds, 15.0);
    const CaseDurations trimmed =
        case_durations(all.where_events([](uint32_t e) { return e < 2; }));
    EXPECT_EQ(trimmed.micros, std::vector<int64_t>{5'000'000});
}

}  // namespace
}  // namespace pmstudio::mining
