#include "mining/transition_statistics.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using eventlog::TestEvent;

struct Expected {
    std::set<size_t> cases;
    std::vector<int64_t> micros;
};
using ExpectedPairs = std::map<std::pair<uint32_t, uint32_t>, Expected>;

// The definitions, case by case over the kept events: each event and the next, or the first
// event of each run of one activity and the event after the run.
ExpectedPairs naive(const LogView& view, bool runs) {
    const auto& log = view.log();
    ExpectedPairs out;
    for (size_t p = 0; p < view.case_count(); ++p) {
        std::vector<uint32_t> events;
        view.for_each_event(view.cases()[p], [&](uint32_t e) { events.push_back(e); });
        size_t from = 0;
        for (size_t i = 1; i < events.size(); ++i) {
            if (runs && log.activity[events[i]] == log.activity[events[from]]) continue;
            Expected& expected = out[{log.activity[events[from]], log.activity[events[i]]}];
            expected.cases.insert(p);
            expected.micros.push_back(log.timestamp[events[i]] - log.timestamp[events[from]]);
            from = i;
        }
    }
    return out;
}

void expect_naive(const std::vector<TransitionStatistics>& pairs, const ExpectedPairs& expected) {
    ASSERT_EQ(pairs.size(), expected.size());
    size_t i = 0;
    for (const auto& [edge, figures] : expected) {
        const TransitionStatistics& pair = pairs[i++];
        EXPECT_EQ(pair.from, edge.first);
        EXPECT_EQ(pair.to, edge.second);
        EXPECT_EQ(pair.case_count, figures.cases.size());
        const DurationStatistics statistics = duration_statistics(figures.micros);
        EXPECT_EQ(pair.durations.count, statistics.count);
        EXPECT_DOUBLE_EQ(pair.durations.mean_seconds, statistics.mean_seconds);
        EXPECT_DOUBLE_EQ(pair.durations.median_seconds, statistics.median_seconds);
        EXPECT_DOUBLE_EQ(pair.durations.min_seconds, statistics.min_seconds);
        EXPECT_DOUBLE_EQ(pair.durations.max_seconds, statistics.max_seconds);
    }
}

// Enough cases that the view is scanned in several ranges, few activities so that pairs repeat.
std::shared_ptr<const eventlog::EventLog> random_log(uint32_t activities) {
    std::mt19937 random(7);
    std::vector<TestEvent> events;
    for (int c = 0; c < 40'000; ++c) {
        const int size = static_cast<int>(random() % 9) + 1;
        int64_t seconds = 0;
        for (int e = 0; e < size; ++e) {
            seconds += static_cast<int64_t>(random() % 5000);
            events.emplace_back(fmt::format("c{}", c), fmt::format("a{}", random() % activities),
                                seconds);
        }
    }
    return eventlog::make_test_log(events);
}

TEST(TransitionStatisticsTest, DirectlyFollowsAsDefined) {
    const LogView all(random_log(5));
    expect_naive(directly_follows_statistics(all), naive(all, false));
    const LogView some = all.where_events([](uint32_t e) { return e % 3 != 0; });
    expect_naive(directly_follows_statistics(some), naive(some, false));
}

TEST(TransitionStatisticsTest, ActivityPairsAsDefined) {
    const LogView all(random_log(3));
    expect_naive(activity_pair_statistics(all), naive(all, true));
    const LogView some = all.where_cases([](uint32_t c) { return c % 2 == 0; });
    expect_naive(activity_pair_statistics(some), naive(some, true));
}

TEST(TransitionStatisticsTest, ManyActivitiesUseTheSparseIndex) {
    const LogView all(random_log(3000));
    expect_naive(directly_follows_statistics(all), naive(all, false));
}

TEST(TransitionStatisticsTest, EmptyView) {
    const LogView none = LogView(random_log(3)).where_cases([](uint32_t) { return false; });
    EXPECT_TRUE(directly_follows_statistics(none).empty());
    EXPECT_TRUE(activity_pair_statistics(none).empty());
}

}  // namespace
}  // namespace pmstudio::mining
