#include "importers/culture_value_parser.h"

#include <gtest/gtest.h>

#include "eventlog/time_format.h"
#include "importers/import_options.h"

namespace pmstudio::importers {
namespace {

using eventlog::format_utc;

CultureValueParser parser(const char* culture, const char* zone = "UTC") {
    return CultureValueParser(*find_culture(culture), zone);
}

std::string utc(const CultureValueParser& p, std::string_view text) {
    auto value = p.parse_datetime(text);
    return value ? format_utc(*value) : "none";
}

TEST(CultureValueParserTest, Iso8601WithAndWithoutOffsets) {
    auto p = parser("en-US");
    EXPECT_EQ(utc(p, "2024-01-15T09:00:00Z"), "2024-01-15T09:00:00Z");
    EXPECT_EQ(utc(p, "2024-01-15T09:00:00.123Z"), "2024-01-15T09:00:00.123Z");
    EXPECT_EQ(utc(p, "2011-10-11 13:45:40.276000+02:00"), "2011-10-11T11:45:40.276Z");
    EXPECT_EQ(utc(p, "2010-12-30 14:32:00+0100"), "2010-12-30T13:32:00Z");
    EXPECT_EQ(utc(p, "2024-01-15T09:00:00.1234567-05"), "2024-01-15T14:00:00.123456Z");
    EXPECT_EQ(utc(p, "2024-01-15"), "2024-01-15T00:00:00Z");
    EXPECT_EQ(p.offsets_seen(), (std::set<int32_t>{-300, 0, 60, 120}));
    EXPECT_EQ(utc(p, "2024-02-30T00:00:00Z"), "none");
    EXPECT_EQ(utc(p, "2024-01-15T25:00:00Z"), "none");
    EXPECT_EQ(utc(p, "not a date"), "none");
}

TEST(CultureValueParserTest, CultureDateOrders) {
    EXPECT_EQ(utc(parser("en-US"), "1/15/2024 9:05:00 PM"), "2024-01-15T21:05:00Z");
    EXPECT_EQ(utc(parser("en-US"), "1/15/2024 12:00:00 AM"), "2024-01-15T00:00:00Z");
    EXPECT_EQ(utc(parser("invariant"), "01/15/2024 09:05:00"), "2024-01-15T09:05:00Z");
    EXPECT_EQ(utc(parser("en-GB"), "15/01/2024 21:05:00"), "2024-01-15T21:05:00Z");
    EXPECT_EQ(utc(parser("de-DE"), "15.01.2024 21:05"), "2024-01-15T21:05:00Z");
    EXPECT_EQ(utc(parser("fr-FR"), "15/01/2024"), "2024-01-15T00:00:00Z");
    EXPECT_EQ(utc(parser("nl-NL"), "5-1-2024 08:00:00"), "2024-01-05T08:00:00Z");
    EXPECT_EQ(utc(parser("en-GB"), "1/15/2024"), "none");
}

TEST(CultureValueParserTest, TimeZoneForTimesWithoutOffset) {
    auto p = parser("en-US", "Europe/Amsterdam");
    EXPECT_EQ(utc(p, "2024-01-15 10:00:00"), "2024-01-15T09:00:00Z");   // CET
    EXPECT_EQ(utc(p, "2024-07-15 10:00:00"), "2024-07-15T08:00:00Z");   // CEST
    EXPECT_EQ(utc(p, "2024-07-15T10:00:00Z"), "2024-07-15T10:00:00Z");  // explicit wins
    EXPECT_THROW(CultureValueParser(*find_culture("en-US"), "Mars/Olympus"), std::invalid_argument);
}

TEST(CultureValueParserTest, NumbersFollowTheCulture) {
    EXPECT_EQ(parser("en-US").parse_double("1,234.5"), 1234.5);
    EXPECT_EQ(parser("de-DE").parse_double("1.234,5"), 1234.5);
    EXPECT_EQ(parser("nl-NL").parse_double("-0,25"), -0.25);
    EXPECT_EQ(parser("fr-FR").parse_double("1 234,5"), 1234.5);
    EXPECT_EQ(parser("fr-FR").parse_double("1\xC2\xA0"
                                           "234,5"),
              1234.5);
    EXPECT_EQ(parser("en-US").parse_double("1e3"), 1000.0);
    EXPECT_EQ(parser("en-US").parse_double("12,34.5"), std::nullopt);
    EXPECT_EQ(parser("de-DE").parse_double("1,234.5"), std::nullopt);
    EXPECT_EQ(parser("en-US").parse_double("abc"), std::nullopt);
    EXPECT_EQ(parser("en-US").parse_integer("42"), 42);
    EXPECT_EQ(parser("en-US").parse_integer("-7"), -7);
    EXPECT_EQ(parser("en-US").parse_integer("007"), std::nullopt);
    EXPECT_EQ(parser("en-US").parse_integer("4.2"), std::nullopt);
    EXPECT_EQ(parser("en-US").parse_boolean("TRUE"), true);
    EXPECT_EQ(parser("en-US").parse_boolean("1"), std::nullopt);
}

TEST(CultureValueParserTest, DescribesDateFormats) {
    EXPECT_EQ(parser("en-US").date_format("2024-01-15T09:00:00Z"), "ISO 8601");
    EXPECT_EQ(parser("en-US").date_format("1/15/2024 9:05:00 PM"), "M/d/yyyy h:mm:ss tt");
    EXPECT_EQ(parser("de-DE").date_format("15.01.2024 21:05"), "dd.MM.yyyy HH:mm");
    EXPECT_EQ(parser("nl-NL").date_format("5-1-2024"), "d-M-yyyy");
    EXPECT_EQ(parser("en-GB").date_format("hello"), std::nullopt);
}

TEST(CultureTest, KnownCultures) {
    EXPECT_TRUE(find_culture("EN-us"));
    EXPECT_TRUE(find_culture(""));
    EXPECT_FALSE(find_culture("xx-YY"));
}

}  // namespace
}  // namespace pmstudio::importers

namespace pmstudio::importers {
namespace {

TEST(DelimiterTest, OneCharacterOrTab) {
    EXPECT_EQ(parse_delimiter(";"), ';');
    EXPECT_EQ(parse_delimiter("\\t"), '\t');
    EXPECT_EQ(parse_delimiter("TAB"), '\t');
    EXPECT_EQ(parse_delimiter("\t"), '\t');
    EXPECT_EQ(parse_delimiter(";;"), std::nullopt);
    EXPECT_EQ(parse_delimiter(""), std::nullopt);
}

}  // namespace
}  // namespace pmstudio::importers
