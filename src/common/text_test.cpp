#include "common/text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/json_lookup.h"

namespace pmstudio {
namespace {

TEST(TextTest, ComparesAndLowersAsciiIgnoringCase) {
    EXPECT_TRUE(iequals("DataSet", "dataset"));
    EXPECT_FALSE(iequals("dataset", "datasets"));
    EXPECT_EQ(to_lower("Api/TENANT"), "api/tenant");
}

TEST(TextTest, FindsJsonMembersIgnoringCase) {
    const auto object = nlohmann::json::parse(R"({"ProjectName": "p", "other": null})");
    ASSERT_NE(find_member_ignoring_case(object, "projectname"), nullptr);
    EXPECT_EQ(*find_member_ignoring_case(object, "PROJECTNAME"), "p");
    EXPECT_EQ(find_member_ignoring_case(object, "missing"), nullptr);
    EXPECT_EQ(find_member_ignoring_case(nlohmann::json::array(), "x"), nullptr);
}

}  // namespace
TEST(TextTest, EscapesHtmlSpecialCharacters) {
    EXPECT_EQ(html_escape(R"(<a href="x">Tom & Jerry's</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(html_escape("plain"), "plain");
}

}  // namespace pmstudio
