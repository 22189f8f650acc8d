#include "api/session_cookie.h"

#include <gtest/gtest.h>

namespace pmstudio::api {

TEST(SessionCookieTest, FindsACookieAmongOthersAndHeaders) {
    Request request;
    request.headers.emplace("cookie", "theme=dark; pmstudio_session=abc123 ");
    request.headers.emplace("cookie", "other=1");
    EXPECT_EQ(request_cookie(request, "pmstudio_session"), "abc123");
    EXPECT_EQ(request_cookie(request, "other"), "1");
    EXPECT_EQ(request_cookie(request, "missing"), std::nullopt);
    EXPECT_EQ(request_cookie(request, "pmstudio"), std::nullopt);
}

TEST(SessionCookieTest, IsHttpOnlyStrictAndSecureBehindHttps) {
    Request request;
    request.headers.emplace("host", "example.org");
    const auto plain = session_cookie(request, "s3cret", std::chrono::seconds(60));
    EXPECT_EQ(plain, "pmstudio_session=s3cret; Max-Age=60; Path=/; HttpOnly; SameSite=Strict");
    request.headers.emplace("x-forwarded-proto", "https");
    EXPECT_EQ(expired_session_cookie(request),
              "pmstudio_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure");
}

}  // namespace pmstudio::api
