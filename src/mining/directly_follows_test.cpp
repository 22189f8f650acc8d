#include "mining/directly_follows.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using eventlog::TestEvent;

struct Totals {
    uint64_t count = 0;
    int64_t micros = 0;
};

// The definition, event pair by event pair.
std::map<std::pair<uint32_t, uint32_t>, Totals> naive(const LogView& view) {
    const auto& log = view.log();
    std::map<std::pair<uint32_t, uint32_t>, Totals> out;
    for (uint32_t c : view.cases()) {
        std::vector<uint32_t> events;
        view.for_each_event(c, [&](uint32_t e) { events.push_back(e); });
        for (size_t i = 1; i < events.size(); ++i) {
            Totals& totals = out[{log.activity[events[i - 1]], log.activity[events[i]]}];
            ++totals.count;
            totals.micros += log.timestamp[events[i]] - log.timestamp[events[i - 1]];
        }
    }
    return out;
}

void expect_naive(const LogView& view) {
    const auto expected = naive(view);
    const auto edges = directly_follows(view);
    ASSERT_EQ(edges.size(), expected.size());
    auto next = expected.begin();
    for (const DirectlyFollowsEdge& edge : edges) {
        EXPECT_EQ(std::make_pair(edge.from, edge.to), next->first);
        EXPECT_EQ(edge.count, next->second.count);
        EXPECT_DOUBLE_EQ(edge.mean_seconds, static_cast<double>(next->second.micros) /
                                                static_cast<double>(next->second.count) / 1e6);
        ++next;
    }
}

// Random cases of 1 to 20 events over `activities` activities.
std::shared_ptr<const eventlog::EventLog> random_log(size_t events, int activities) {
    std::mt19937 random(7);
    std::vector<TestEvent> rows;
    rows.reserve(events);
    for (int c = 0; rows.size() < events; ++c) {
        int64_t time = static_cast<int64_t>(random() % 1'000'000);
        for (int n = 1 + static_cast<int>(random() % 20); n > 0; --n) {
            time += static_cast<int64_t>(random() % 100'000);
            rows.emplace_back(std::to_string(c), std::to_string(random() % activities), time);
        }
    }
    return eventlog::make_test_log(rows);
}

TEST(DirectlyFollowsTest, CountsAndMeanGaps) {
    const LogView view(eventlog::make_test_log(
        {{"1", "A", 0}, {"1", "B", 10}, {"1", "A", 40}, {"2", "A", 0}, {"2", "B", 20}}));
    const auto edges = directly_follows(view);
    ASSERT_EQ(edges.size(), 2U);
    EXPECT_EQ(edges[0].from, 0U);  // A -> B
    EXPECT_EQ(edges[0].to, 1U);
    EXPECT_EQ(edges[0].count, 2U);
    EXPECT_DOUBLE_EQ(edges[0].mean_seconds, 15.0);
    EXPECT_EQ(edges[1].from, 1U);  // B -> A
    EXPECT_EQ(edges[1].count, 1U);
    EXPECT_DOUBLE_EQ(edges[1].mean_seconds, 30.0);
}

TEST(DirectlyFollowsTest, RemovedEventsAreSkipped) {
    const LogView all(eventlog::make_test_log({{"1", "A", 0}, {"1", "X", 10}, {"1", "B", 40}}));
    const auto edges = directly_follows(all.where_events([](uint32_t e) { return e != 1; }));
    ASSERT_EQ(edges.size(), 1U);
    EXPECT_EQ(edges[0].count, 1U);
    EXPECT_DOUBLE_EQ(edges[0].mean_seconds, 40.0);
}

TEST(DirectlyFollowsTest, ManyCasesOnSeveralThreadsMatchTheDefinition) {
    const LogView all(random_log(300'000, 12));
    expect_naive(all);
    expect_naive(all.where_events([](uint32_t e) { return e % 7 != 3; }));
    expect_naive(all.where_cases([](uint32_t c) { return c % 3 == 0; }));
}

TEST(DirectlyFollowsTest, ManyActivitiesMatchTheDefinition) {
    // Past the flat array's limit of activities: the hash map path.
    const LogView all(random_log(100'000, 600));
    ASSERT_GT(all.log().activities.size(), 256U);
    expect_naive(all);
    expect_naive(all.where_events([](uint32_t e) { return e % 5 != 0; }));
}

TEST(DirectlyFollowsTest, EmptyView) {
    const LogView all(eventlog::make_test_log({{"1", "A", 0}}));
    EXPECT_TRUE(directly_follows(all).empty());
    EXPECT_TRUE(directly_follows(all.where_cases([](uint32_t) { return false; })).empty());
}

}  // namespace
}  // namespace pmstudio::mining
