#include "eventlog/log_view.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::eventlog {
namespace {

// Cases c1: A B C, c2: A C, c3: B (events 0-2, 3-4, 5).
std::shared_ptr<const EventLog> three_cases() {
    return make_test_log({{"c1", "A", 1},
                          {"c1", "B", 2},
                          {"c1", "C", 3},
                          {"c2", "A", 1},
                          {"c2", "C", 2},
                          {"c3", "B", 5}});
}

std::vector<uint32_t> events_of(const LogView& view, uint32_t c) {
    std::vector<uint32_t> out;
    view.for_each_event(c, [&](uint32_t e) { out.push_back(e); });
    return out;
}

TEST(LogViewTest, WholeLog) {
    const LogView view(three_cases());
    EXPECT_EQ(view.cases(), (std::vector<uint32_t>{0, 1, 2}));
    EXPECT_EQ(view.case_count(), 3U);
    EXPECT_EQ(view.event_count(), 6U);
    EXPECT_EQ(events_of(view, 1), (std::vector<uint32_t>{3, 4}));
    EXPECT_EQ(view.case_event_count(0), 3U);
    EXPECT_EQ(view.first_event(0), 0U);
    EXPECT_EQ(view.last_event(0), 2U);
    std::vector<uint32_t> buffer;
    const auto activities = view.case_activities(0, buffer);
    EXPECT_EQ(std::vector<uint32_t>(activities.begin(), activities.end()),
              (std::vector<uint32_t>{0, 1, 2}));
    EXPECT_TRUE(buffer.empty());  // a span of the log's column
}

TEST(LogViewTest, WhereCasesKeepsTheSelectedCasesAndSharesTheLog) {
    const LogView all(three_cases());
    const LogView some = all.where_cases([](uint32_t c) { return c != 1; });
    EXPECT_EQ(some.cases(), (std::vector<uint32_t>{0, 2}));
    EXPECT_EQ(some.event_count(), 4U);
    EXPECT_EQ(&some.log(), &all.log());
    EXPECT_EQ(all.case_count(), 3U);  // the wider view is unchanged
    LogView copy = some;              // copies share the selection
    EXPECT_EQ(copy.cases().data(), some.cases().data());
    copy = all;
    EXPECT_EQ(copy.case_count(), 3U);
    EXPECT_EQ(some.case_count(), 2U);
    EXPECT_EQ(some.where_cases([](uint32_t) { return false; }).event_count(), 0U);
}

TEST(LogViewTest, WhereEventsDropsCasesLeftWithoutEvents) {
    const LogView all(three_cases());
    const auto& log = all.log();
    const LogView no_b =
        all.where_events([&](uint32_t e) { return log.activities[log.activity[e]] != "B"; });
    EXPECT_EQ(no_b.cases(), (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(no_b.event_count(), 4U);
    EXPECT_EQ(events_of(no_b, 0), (std::vector<uint32_t>{0, 2}));
    EXPECT_EQ(no_b.case_event_count(0), 2U);
    EXPECT_FALSE(no_b.keeps_event(1));
    std::vector<uint32_t> buffer;
    const auto activities = no_b.case_activities(0, buffer);
    EXPECT_EQ(std::vector<uint32_t>(activities.begin(), activities.end()),
              (std::vector<uint32_t>{0, 2}));

    // Selections compose: the second filter sees only the events the first kept.
    const LogView only_c = no_b.where_events([&](uint32_t e) { return e != 0 && e != 3; });
    EXPECT_EQ(only_c.event_count(), 2U);
    EXPECT_EQ(only_c.first_event(0), 2U);
    EXPECT_EQ(only_c.last_event(1), 4U);
    // A case filter on an event selection keeps the selection.
    const LogView first_case = only_c.where_cases([](uint32_t c) { return c == 0; });
    EXPECT_EQ(first_case.event_count(), 1U);
    EXPECT_EQ(events_of(first_case, 0), (std::vector<uint32_t>{2}));
}

TEST(LogViewTest, EventSelectionAcrossBitmapWords) {
    // One case of 200 events before and after a case of 3: cases span several 64-bit words.
    std::vector<TestEvent> events;
    events.reserve(333);
    for (int i = 0; i < 200; ++i) events.emplace_back("a", "X", i);
    for (int i = 0; i < 3; ++i) events.emplace_back("b", "Y", i);
    for (int i = 0; i < 130; ++i) events.emplace_back("c", "Z", i);
    const LogView all(make_test_log(events));
    const LogView thirds = all.where_events([](uint32_t e) { return e % 3 == 0; });
    EXPECT_EQ(thirds.case_event_count(0), 67U);  // 0, 3, ..., 198
    EXPECT_EQ(thirds.case_event_count(1), 1U);   // 201
    EXPECT_EQ(thirds.case_event_count(2), 43U);  // 204, ..., 330
    EXPECT_EQ(thirds.event_count(), 111U);
    const auto second = events_of(thirds, 1);
    EXPECT_EQ(second, (std::vector<uint32_t>{201}));
    const auto third = events_of(thirds, 2);
    ASSERT_EQ(third.size(), 43U);
    EXPECT_EQ(third.front(), 204U);
    EXPECT_EQ(third.back(), 330U);
    EXPECT_EQ(thirds.first_event(2), 204U);
    EXPECT_EQ(thirds.last_event(0), 198U);
}

}  // namespace
}  // namespace pmstudio::eventlog
