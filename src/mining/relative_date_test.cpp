#include "mining/relative_date.h"

#include <gtest/gtest.h>

#include "eventlog/time_format.h"

namespace pmstudio::mining {
namespace {

using enum RelativeDateVariable;

std::string resolved(RelativeDateVariable variable, int64_t shift, std::string_view now) {
    return eventlog::format_utc(
        resolve_relative_date({.variable = variable, .shift = shift}, *parse_datetime_micros(now)));
}

TEST(RelativeDateTest, WeeksStartOnMonday) {
    EXPECT_EQ(resolved(StartOfWeek, 0, "2011-01-16T23:00:00Z"), "2011-01-10T00:00:00Z");  // Sun
    EXPECT_EQ(resolved(StartOfWeek, 0, "2011-01-17T00:00:00Z"), "2011-01-17T00:00:00Z");  // Mon
    EXPECT_EQ(resolved(EndOfWeek, 0, "2011-01-10T00:00:00Z"), "2011-01-16T23:59:59.999999Z");
    EXPECT_EQ(resolved(StartOfWeek, -1, "2011-01-01T12:00:00Z"), "2010-12-20T00:00:00Z");
    // Before 1970 (1969-12-29 was a Monday).
    EXPECT_EQ(resolved(StartOfWeek, 0, "1969-12-31T00:00:00Z"), "1969-12-29T00:00:00Z");
    EXPECT_EQ(resolved(StartOfWeek, 0, "1969-12-28T00:00:00Z"), "1969-12-22T00:00:00Z");
}

TEST(RelativeDateTest, CalendarPeriods) {
    EXPECT_EQ(resolved(EndOfMonth, 0, "2024-02-10T08:00:00Z"), "2024-02-29T23:59:59.999999Z");
    EXPECT_EQ(resolved(EndOfMonth, 1, "2023-01-31T08:00:00Z"), "2023-02-28T23:59:59.999999Z");
    EXPECT_EQ(resolved(StartOfMonth, -13, "2011-01-12T00:00:00Z"), "2009-12-01T00:00:00Z");
    EXPECT_EQ(resolved(StartOfQuarter, 0, "2011-08-15T00:00:00Z"), "2011-07-01T00:00:00Z");
    EXPECT_EQ(resolved(EndOfQuarter, 0, "2011-11-15T00:00:00Z"), "2011-12-31T23:59:59.999999Z");
    EXPECT_EQ(resolved(StartOfQuarter, -1, "2011-02-15T00:00:00Z"), "2010-10-01T00:00:00Z");
    EXPECT_EQ(resolved(StartOfYear, 2, "2011-06-01T00:00:00Z"), "2013-01-01T00:00:00Z");
    EXPECT_EQ(resolved(EndOfYear, -1, "2011-06-01T00:00:00Z"), "2010-12-31T23:59:59.999999Z");
    EXPECT_EQ(resolved(StartOfDay, -1, "2011-03-01T00:30:00Z"), "2011-02-28T00:00:00Z");
    EXPECT_EQ(resolved(StartOfDay, 0, "1969-12-31T23:59:59Z"), "1969-12-31T00:00:00Z");
}

TEST(RelativeDateTest, AbsoluteTimeIgnoresNow) {
    const int64_t time = *parse_datetime_micros("2020-05-05T05:05:05Z");
    EXPECT_EQ(resolve_relative_date({.variable = AbsoluteTime, .time = time, .shift = 4}, 0), time);
}

}  // namespace
}  // namespace pmstudio::mining
