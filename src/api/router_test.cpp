#include "api/router.h"

#include <gtest/gtest.h>

namespace pmstudio::api {
namespace {

Handler named(std::string name) {
    return [name](Request&) { return Response::text(200, name); };
}

class RouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        router.add({.method = "GET", .pattern = "/api/tenant/{tenantId}"}, named("tenant"));
        router.add({.method = "GET", .pattern = "/api/{tenantId}/project"}, named("projects"));
        router.add({.method = "POST", .pattern = "/api/{tenantId}/project"}, named("create"));
        router.add({.method = "GET", .pattern = "/api/user/by-email/{email}"}, named("by-email"));
        router.add({.method = "GET", .pattern = "/api/user/{userId}/tenants"}, named("tenants"));
    }

    std::string dispatch(const std::string& method, const std::string& path) {
        auto match = router.match(method, path);
        if (!match.route) return "";
        Request request;
        return match.route->handler(request).body;
    }

    Router router;
};

TEST_F(RouterTest, MatchesFixedSegmentsCaseInsensitively) {
    EXPECT_EQ(dispatch("GET", "/API/Tenant/abc"), "tenant");
    EXPECT_EQ(dispatch("GET", "/api/x/PROJECT"), "projects");
}

TEST_F(RouterTest, PrefersLiteralAtEarliestPosition) {
    EXPECT_EQ(dispatch("GET", "/api/tenant/project"), "tenant");
    EXPECT_EQ(dispatch("GET", "/api/user/by-email/tenants"), "by-email");
}

TEST_F(RouterTest, CapturesParameters) {
    auto match = router.match("GET", "/api/user/by-email/a%40b.c");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params.at("email"), "a%40b.c");
}

TEST_F(RouterTest, ReportsAllowedMethodsWhenOnlyThePathMatches) {
    auto match = router.match("DELETE", "/api/t/project");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(RouterTest, UnknownPathMatchesNothing) {
    auto match = router.match("GET", "/api/nothing/here/at/all");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_TRUE(match.allowed_methods.empty());
}

TEST_F(RouterTest, RejectsDuplicateRoutes) {
    EXPECT_THROW(router.add({.method = "GET", .pattern = "/API/TENANT/{tenantId}"}, named("x")),
                 std::logic_error);
}

}  // namespace
}  // namespace pmstudio::api

namespace pmstudio::api {
namespace {

TEST(GuidParameterTest, IdNamesAreGuidsExceptImportId) {
    EXPECT_TRUE(is_guid_parameter("tenantId"));
    EXPECT_TRUE(is_guid_parameter("apiKeyId"));
    EXPECT_FALSE(is_guid_parameter("importId"));
    EXPECT_FALSE(is_guid_parameter("email"));
    EXPECT_FALSE(is_guid_parameter("Id"));
}

}  // namespace
}  // namespace pmstudio::api
