#include "api/form_body.h"

#include <gtest/gtest.h>

namespace pmstudio::api {

TEST(FormBodyTest, DecodesPlusAndPercentEscapes) {
    const auto fields = parse_form_body("apiKey=ab%2Bc%3D&next=%2Fdashboard%2Fx&note=a+b");
    EXPECT_EQ(fields.at("apiKey"), "ab+c=");
    EXPECT_EQ(fields.at("next"), "/dashboard/x");
    EXPECT_EQ(fields.at("note"), "a b");
}

TEST(FormBodyTest, KeepsTheFirstOccurrenceAndEmptyValues) {
    const auto fields = parse_form_body("a=1&a=2&b=&c&&");
    EXPECT_EQ(fields.at("a"), "1");
    EXPECT_EQ(fields.at("b"), "");
    EXPECT_EQ(fields.at("c"), "");
    EXPECT_EQ(fields.size(), 3U);
}

TEST(FormBodyTest, KeepsMalformedEscapesAsWritten) {
    EXPECT_EQ(parse_form_body("x=100%&y=%zz&z=%4").at("x"), "100%");
    EXPECT_EQ(parse_form_body("y=%zz").at("y"), "%zz");
    EXPECT_EQ(parse_form_body("z=%4").at("z"), "%4");
}

}  // namespace pmstudio::api
