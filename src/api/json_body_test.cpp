#include "api/json_body.h"

#include <gtest/gtest.h>

#include "common/service_error.h"

namespace pmstudio::api {
namespace {

TEST(JsonBodyTest, MatchesPropertyNamesCaseInsensitively) {
    auto body = JsonBody::parse(R"({"ProjectName": "p", "ISACTIVE": true, "maxusers": 5})");
    EXPECT_EQ(body.string("projectName"), "p");
    EXPECT_EQ(body.boolean("isActive"), true);
    EXPECT_EQ(body.integer("maxUsers"), 5);
}

TEST(JsonBodyTest, NullIsAbsent) {
    auto body = JsonBody::parse(R"({"displayName": null})");
    EXPECT_FALSE(body.has("displayName"));
    EXPECT_EQ(body.string("displayName"), std::nullopt);
}

TEST(JsonBodyTest, WrongTypeNamesTheProperty) {
    auto body = JsonBody::parse(R"({"maxUsers": "ten"})");
    try {
        body.integer("maxUsers");
        FAIL();
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Validation);
        EXPECT_EQ(error.validation_errors().at(0), "'maxUsers' must be an integer");
    }
}

TEST(JsonBodyTest, MalformedJsonIsBadRequest) {
    EXPECT_THROW(JsonBody::parse("{not json"), ServiceError);
    EXPECT_THROW(JsonBody::parse("[1, 2]"), ServiceError);
    EXPECT_THROW(JsonBody::parse(""), ServiceError);
    EXPECT_NO_THROW(JsonBody::parse("", true));
}

TEST(JsonBodyTest, GuidIsValidatedAndLowercased) {
    auto body = JsonBody::parse(R"({"a": "ABCDEF00-1234-1234-1234-123456789012", "b": "nope"})");
    EXPECT_EQ(body.guid("a"), "abcdef00-1234-1234-1234-123456789012");
    EXPECT_THROW(body.guid("b"), ServiceError);
}

}  // namespace
}  // namespace pmstudio::api
