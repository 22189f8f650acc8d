#include "importers/excel_dates.h"

#include <gtest/gtest.h>

#include "eventlog/time_format.h"

namespace pmstudio::importers {
namespace {

std::string at(double serial, bool date1904 = false) {
    const auto micros = excel_serial_to_micros(serial, date1904);
    return micros ? eventlog::format_utc(*micros) : "none";
}

TEST(ExcelDatesTest, Serials1900IncludingTheFictitiousLeapDay) {
    EXPECT_EQ(at(0), "1899-12-31T00:00:00Z");
    EXPECT_EQ(at(1), "1900-01-01T00:00:00Z");
    EXPECT_EQ(at(59), "1900-02-28T00:00:00Z");
    EXPECT_EQ(at(60), "1900-02-28T00:00:00Z");
    EXPECT_EQ(at(61), "1900-03-01T00:00:00Z");
    EXPECT_EQ(at(45306.375), "2024-01-15T09:00:00Z");
    EXPECT_EQ(at(2958465.999988426), "9999-12-31T23:59:59Z");
    EXPECT_EQ(at(-1), "none");
    EXPECT_EQ(at(2958466), "none");
}

TEST(ExcelDatesTest, FractionsRoundToTheMillisecond) {
    EXPECT_EQ(at(40542.605555555555), "2010-12-30T14:32:00Z");
    EXPECT_EQ(at(0.5), "1899-12-31T12:00:00Z");
    EXPECT_EQ(at(45306 + 1.5 / 86400), "2024-01-15T00:00:01.500Z");
}

TEST(ExcelDatesTest, Serials1904) {
    EXPECT_EQ(at(0, true), "1904-01-01T00:00:00Z");
    EXPECT_EQ(at(43844.375, true), "2024-01-15T09:00:00Z");
}

TEST(ExcelDatesTest, DateFormats) {
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}) {
        EXPECT_TRUE(is_builtin_date_format(id)) << id;
    }
    for (int id : {0, 1, 2, 9, 10, 11, 13, 23, 44, 48, 49}) {
        EXPECT_FALSE(is_builtin_date_format(id)) << id;
    }
    EXPECT_TRUE(is_date_format_code("yyyy-mm-dd"));
    EXPECT_TRUE(is_date_format_code("DD/MM/YYYY HH:MM"));
    EXPECT_TRUE(is_date_format_code("[$-409]h:mm AM/PM"));
    EXPECT_TRUE(is_date_format_code("\"on \"d mmm"));
    EXPECT_FALSE(is_date_format_code("General"));
    EXPECT_FALSE(is_date_format_code("#,##0.00"));
    EXPECT_FALSE(is_date_format_code("0.00 \"days\""));
    EXPECT_FALSE(is_date_format_code("[h]:mm:ss"));
    EXPECT_FALSE(is_date_format_code("[mm]:ss.0"));
    EXPECT_FALSE(is_date_format_code("[Red]#,##0;[Blue]-#,##0"));
    EXPECT_FALSE(is_date_format_code("0\\s"));
    EXPECT_FALSE(is_date_format_code("#,##0_s;*d0"));
    EXPECT_FALSE(is_date_format_code("0.00E+00"));
}

}  // namespace
}  // namespace pmstudio::importers
