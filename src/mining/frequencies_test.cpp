#include "mining/frequencies.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// Case 1: A(Ann) B A(Bob); case 2: B(Ann) C(Ann). Activities A, B, C; resources Ann, Bob.
std::shared_ptr<const eventlog::EventLog> two_cases() {
    return eventlog::make_test_log({{"1", "A", 1, "Ann"},
                                    {"1", "B", 2},
                                    {"1", "A", 3, "Bob"},
                                    {"2", "B", 1, "Ann"},
                                    {"2", "C", 2, "Ann"}});
}

TEST(FrequenciesTest, ActivitiesResourcesAndEndpoints) {
    const LogView view(two_cases());
    const CodeFrequencies activities = activity_frequencies(view);
    EXPECT_EQ(activities.events, (std::vector<uint64_t>{2, 2, 1}));
    EXPECT_EQ(activities.cases, (std::vector<uint64_t>{1, 2, 1}));
    const CodeFrequencies resources = resource_frequencies(view);
    EXPECT_EQ(resources.events, (std::vector<uint64_t>{3, 1}));  // B of case 1 has none
    EXPECT_EQ(resources.cases, (std::vector<uint64_t>{2, 1}));
    const EndpointActivities endpoints = endpoint_activities(view);
    EXPECT_EQ(endpoints.start, (std::vector<uint64_t>{1, 1, 0}));
    EXPECT_EQ(endpoints.end, (std::vector<uint64_t>{1, 0, 1}));
}

TEST(FrequenciesTest, FollowTheViewsSelection) {
    const LogView view =
        LogView(two_cases()).where_events([](uint32_t e) { return e != 0 && e != 4; });
    const CodeFrequencies activities = activity_frequencies(view);
    EXPECT_EQ(activities.events, (std::vector<uint64_t>{1, 2, 0}));
    EXPECT_EQ(activities.cases, (std::vector<uint64_t>{1, 2, 0}));
    EXPECT_EQ(resource_frequencies(view).events, (std::vector<uint64_t>{1, 1}));
    const EndpointActivities endpoints = endpoint_activities(view);
    EXPECT_EQ(endpoints.start, (std::vector<uint64_t>{0, 2, 0}));
    EXPECT_EQ(endpoints.end, (std::vector<uint64_t>{1, 1, 0}));
}

}  // namespace
}  // namespace pmstudio::mining
