#include "common/clock.h"

#include <gtest/gtest.h>

namespace pmstudio {
namespace {

TEST(ClockTest, ParsesWhatItFormats) {
    const auto time = parse_iso8601("2024-01-15T10:30:00.123Z");
    ASSERT_TRUE(time.has_value());
    EXPECT_EQ(format_iso8601(*time), "2024-01-15T10:30:00.123Z");
}

TEST(ClockTest, AcceptsOffsetsAndMissingFractions) {
    EXPECT_EQ(format_iso8601(*parse_iso8601("2024-01-15T10:30:00Z")), "2024-01-15T10:30:00.000Z");
    EXPECT_EQ(format_iso8601(*parse_iso8601("2024-01-15T12:30:00+02:00")),
              "2024-01-15T10:30:00.000Z");
    EXPECT_EQ(format_iso8601(*parse_iso8601("2024-01-15T10:30:00")), "2024-01-15T10:30:00.000Z");
}

TEST(ClockTest, RejectsOtherText) {
    for (const char* text : {"", "yesterday", "2024-01-15", "2024-01-15T10:30:00.Z",
                             "2024-01-15T10:30:00+0200", "2024-01-15T10:30:00Zjunk"}) {
        EXPECT_FALSE(parse_iso8601(text).has_value()) << text;
    }
}

TEST(ClockTest, ModificationTimesAlwaysMoveForward) {
    const std::string future = "2200-01-01T00:00:00.000Z";
    EXPECT_EQ(modification_time_after(future), "2200-01-01T00:00:00.001Z");
    EXPECT_GT(modification_time_after("2000-01-01T00:00:00.000Z"), "2000-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace pmstudio
