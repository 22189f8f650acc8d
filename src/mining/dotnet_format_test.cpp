// Expected texts are .NET's (en-US, .NET Core 3.0+ rounding), mostly the examples of the "Standard
// numeric format strings", "Custom numeric format strings", "Standard date and time format
// strings" and "Standard TimeSpan format strings" pages of the .NET documentation. Percent and
// negative currency follow the ICU en-US patterns .NET uses on Linux ("46%", "-$1.00").
#include "mining/dotnet_format.h"

#include <gtest/gtest.h>

#include "eventlog/time_format.h"
#include "mining/dotnet_date_format.h"

namespace pmstudio::mining {
namespace {

TEST(DotnetFormatTest, NumberWithGroupSeparators) {
    EXPECT_EQ(format_number(1234567.891, "N0"), "1,234,568");
    EXPECT_EQ(format_number(1234.567, "N"), "1,234.57");
    EXPECT_EQ(format_number(1234, "N1"), "1,234.0");
    EXPECT_EQ(format_number(-1234.56, "N3"), "-1,234.560");
    EXPECT_EQ(format_number(999.5, "N0"), "1,000");
    EXPECT_EQ(format_number(0.4, "N0"), "0");
    EXPECT_EQ(format_integer(-1234567, "N0"), "-1,234,567");
    EXPECT_EQ(format_number(12345.6789, "N9"), "12,345.678900000");
}

TEST(DotnetFormatTest, FixedPoint) {
    EXPECT_EQ(format_number(1234.567, "F"), "1234.57");
    EXPECT_EQ(format_number(1234, "F1"), "1234.0");
    EXPECT_EQ(format_number(-1234.56, "F4"), "-1234.5600");
    EXPECT_EQ(format_number(3.14159, "F2"), "3.14");
    EXPECT_EQ(format_integer(42, "F0"), "42");
}

TEST(DotnetFormatTest, RoundsTheExactValueHalfAwayFromZero) {
    EXPECT_EQ(format_number(2.5, "F0"), "3");
    EXPECT_EQ(format_number(-2.5, "F0"), "-3");
    EXPECT_EQ(format_number(0.125, "F2"), "0.13");  // exactly representable: a true tie
    EXPECT_EQ(format_number(1.005, "F2"), "1.00");  // 1.00499999999999989...
    EXPECT_EQ(format_number(9.995, "N2"), "9.99");  // 9.99499999999999957...
    EXPECT_EQ(format_number(-0.001, "F2"), "0.00");
}

TEST(DotnetFormatTest, PercentScalesByHundred) {
    EXPECT_EQ(format_number(0.456, "P0"), "46%");
    EXPECT_EQ(format_number(0.45, "P0"), "45%");
    EXPECT_EQ(format_number(1, "P"), "100.00%");
    EXPECT_EQ(format_number(-0.39678, "P1"), "-39.7%");
    EXPECT_EQ(format_number(12.5, "P0"), "1,250%");
    EXPECT_EQ(format_integer(1, "P2"), "100.00%");
}

TEST(DotnetFormatTest, DecimalPadsIntegers) {
    EXPECT_EQ(format_integer(1234, "D"), "1234");
    EXPECT_EQ(format_integer(-1234, "D6"), "-001234");
    EXPECT_EQ(format_number(41.6, "D"), "42");
}

TEST(DotnetFormatTest, CurrencyExponentialGeneralHex) {
    EXPECT_EQ(format_number(123.456, "C"), "$123.46");
    EXPECT_EQ(format_number(-123.456, "C3"), "-$123.456");
    EXPECT_EQ(format_number(1052.0329112756, "E"), "1.052033E+003");
    EXPECT_EQ(format_number(-1052.0329112756, "e2"), "-1.05e+003");
    EXPECT_EQ(format_number(-123.456, "G"), "-123.456");
    EXPECT_EQ(format_number(123.4546, "G4"), "123.5");
    EXPECT_EQ(format_number(-1.616e-35, "G"), "-1.616E-35");
    EXPECT_EQ(format_number(0.1 + 0.2, "R"), "0.30000000000000004");
    EXPECT_EQ(format_number(1e15, "G"), "1E+15");
    EXPECT_EQ(format_number(1e14, "G"), "100000000000000");
    EXPECT_EQ(format_number(0.0001, "G"), "0.0001");
    EXPECT_EQ(format_number(0.00001, "G"), "1E-05");
    EXPECT_EQ(format_integer(255, "X"), "FF");
    EXPECT_EQ(format_integer(255, "x4"), "00ff");
    EXPECT_EQ(format_integer(-1, "X"), "FFFFFFFFFFFFFFFF");
}

TEST(DotnetFormatTest, AutomaticIsReadable) {
    EXPECT_EQ(format_number(1234567, "A"), "1,234,567");
    EXPECT_EQ(format_number(1234.5, "A"), "1,234.5");
    EXPECT_EQ(format_number(3.14159, "A"), "3.14");
    EXPECT_EQ(format_number(0.456, "A"), "0.456");
    EXPECT_EQ(format_number(0.00123456, "A"), "0.00123");
    EXPECT_EQ(format_number(-2.999, "A"), "-3");
    EXPECT_EQ(format_integer(0, "A"), "0");
    EXPECT_EQ(format_number(12.5, ""), "12.5");
}

TEST(DotnetFormatTest, CustomNumericFormats) {
    EXPECT_EQ(format_number(1234.5678, "#,##0.00"), "1,234.57");
    EXPECT_EQ(format_number(0.5, "#.##"), ".5");
    EXPECT_EQ(format_number(1, "#.##"), "1");
    EXPECT_EQ(format_integer(123, "00000"), "00123");
    EXPECT_EQ(format_integer(1234567890, "#,#"), "1,234,567,890");
    EXPECT_EQ(format_integer(1234567890, "#,##0,,"), "1,235");
    EXPECT_EQ(format_number(0.086, "#0.##%"), "8.6%");
    EXPECT_EQ(format_integer(1234567890, "(###) ###-####"), "(123) 456-7890");
    EXPECT_EQ(format_number(1234.5, "#,##0.00;(#,##0.00);Zero"), "1,234.50");
    EXPECT_EQ(format_number(-1234.5, "#,##0.00;(#,##0.00);Zero"), "(1,234.50)");
    EXPECT_EQ(format_number(0, "#,##0.00;(#,##0.00);Zero"), "Zero");
    EXPECT_EQ(format_number(-42, "0.0"), "-42.0");
    EXPECT_EQ(format_number(42, "0 'days'"), "42 days");
    EXPECT_EQ(format_number(42, "0\\#"), "42#");
}

TEST(DotnetFormatTest, StandardDateFormats) {
    // 2008-04-10 06:30:00 UTC, the documentation's example date.
    const int64_t time = *eventlog::civil_to_micros(2008, 4, 10, 6, 30, 0, 0);
    EXPECT_EQ(format_datetime(time, "d"), "4/10/2008");
    EXPECT_EQ(format_datetime(time, "D"), "Thursday, April 10, 2008");
    EXPECT_EQ(format_datetime(time, "f"), "Thursday, April 10, 2008 6:30 AM");
    EXPECT_EQ(format_datetime(time, "G"), "4/10/2008 6:30:00 AM");
    EXPECT_EQ(format_datetime(time, "M"), "April 10");
    EXPECT_EQ(format_datetime(time, "o"), "2008-04-10T06:30:00.0000000Z");
    EXPECT_EQ(format_datetime(time, "r"), "Thu, 10 Apr 2008 06:30:00 GMT");
    EXPECT_EQ(format_datetime(time, "s"), "2008-04-10T06:30:00");
    EXPECT_EQ(format_datetime(time, "u"), "2008-04-10 06:30:00Z");
    EXPECT_EQ(format_datetime(time, "Y"), "April 2008");
    EXPECT_EQ(format_datetime(time, "A"), "2008-04-10 06:30:00");
}

TEST(DotnetFormatTest, CustomDateFormats) {
    const int64_t time = *eventlog::civil_to_micros(2011, 1, 6, 15, 2, 7, 120'000);
    EXPECT_EQ(format_datetime(time, "yyyy-MM-dd HH:mm"), "2011-01-06 15:02");
    EXPECT_EQ(format_datetime(time, "ddd d MMM yy, h:mm tt"), "Thu 6 Jan 11, 3:02 PM");
    EXPECT_EQ(format_datetime(time, "HH:mm:ss.fff"), "15:02:07.120");
    EXPECT_EQ(format_datetime(time, "HH:mm:ss.FFF"), "15:02:07.12");
    EXPECT_EQ(format_datetime(*eventlog::civil_to_micros(2011, 1, 6, 0, 0, 0, 0), "HH:mm:ss.FFF"),
              "00:00:00");
    EXPECT_EQ(format_datetime(time, "'Week of' MMMM d"), "Week of January 6");
    EXPECT_EQ(format_datetime(time, "%d"), "6");
}

TEST(DotnetFormatTest, TimeSpans) {
    const int64_t span = ((((int64_t{1} * 24 + 3) * 60 + 16) * 60 + 50) * 1000 + 500) * 1000;
    EXPECT_EQ(format_timespan(span, "c"), "1.03:16:50.5000000");
    EXPECT_EQ(format_timespan(span, "g"), "1:3:16:50.5");
    EXPECT_EQ(format_timespan(span, "G"), "1:03:16:50.5000000");
    const int64_t half_hour = int64_t{30} * 60 * eventlog::kMicrosPerSecond;
    EXPECT_EQ(format_timespan(half_hour, "c"), "00:30:00");
    EXPECT_EQ(format_timespan(half_hour, "g"), "0:30:00");
    EXPECT_EQ(format_timespan(-half_hour, "c"), "-00:30:00");
    EXPECT_EQ(format_timespan(half_hour, "A"), "30 minutes");
    EXPECT_EQ(format_timespan(span, "A"), "1.1 days");
    EXPECT_EQ(format_timespan(3600 * eventlog::kMicrosPerSecond, "A"), "1 hour");
    EXPECT_EQ(format_timespan(4 * eventlog::kMicrosPerSecond + 400'000, "A"), "4.4 seconds");
    EXPECT_EQ(format_timespan(half_hour, "N0"), "1,800");
}

}  // namespace
}  // namespace pmstudio::mining
