#include "services/project_cache.h"

#include <gtest/gtest.h>

namespace pmstudio::services {
namespace {

class ProjectCacheTest : public ::testing::Test {
protected:
    ProjectCache::Clock::time_point now{};
    ProjectCache cache{std::chrono::minutes(30), [this] { return now; }};
};

TEST_F(ProjectCacheTest, SecondLoadComesFromCache) {
    EXPECT_FALSE(cache.load("t", "p"));
    EXPECT_TRUE(cache.load("t", "p"));
}

TEST_F(ProjectCacheTest, ExpiresThirtyMinutesAfterLastUse) {
    cache.load("t", "p");
    now += std::chrono::minutes(20);
    cache.touch("t", "p");
    now += std::chrono::minutes(20);
    EXPECT_TRUE(cache.contains("t", "p"));
    now += std::chrono::minutes(30);
    EXPECT_FALSE(cache.contains("t", "p"));
    EXPECT_FALSE(cache.load("t", "p"));
}

TEST_F(ProjectCacheTest, UnloadReportsWhetherItWasCached) {
    cache.load("t", "p");
    EXPECT_TRUE(cache.unload("t", "p"));
    EXPECT_FALSE(cache.unload("t", "p"));
}

TEST_F(ProjectCacheTest, EvictTenantRemovesOnlyThatTenant) {
    cache.load("a", "p1");
    cache.load("a", "p2");
    cache.load("b", "p1");
    cache.evict_tenant("a");
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_TRUE(cache.contains("b", "p1"));
}

}  // namespace
}  // namespace pmstudio::services
