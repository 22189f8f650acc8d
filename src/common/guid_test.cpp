#include "common/guid.h"

#include <gtest/gtest.h>

#include <set>

namespace pmstudio {
namespace {

TEST(GuidTest, NewGuidsAreValidLowercaseVersion4AndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string guid = new_guid();
        ASSERT_TRUE(is_guid(guid)) << guid;
        EXPECT_EQ(guid, normalize_guid(guid));
        EXPECT_EQ(guid[14], '4');
        seen.insert(guid);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(GuidTest, RejectsMalformed) {
    EXPECT_FALSE(is_guid(""));
    EXPECT_FALSE(is_guid("12345678-1234-1234-1234-12345678901"));
    EXPECT_FALSE(is_guid("12345678-1234-1234-1234-1234567890123"));
    EXPECT_FALSE(is_guid("12345678x1234-1234-1234-123456789012"));
    EXPECT_FALSE(is_guid("g2345678-1234-1234-1234-123456789012"));
    EXPECT_TRUE(is_guid("ABCDEF78-1234-1234-1234-123456789012"));
}

}  // namespace
}  // namespace pmstudio
