#include "web/asset_catalog.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "common/crypto.h"

namespace pmstudio::web {
namespace {

using Files = std::vector<WebFile>;

TEST(AssetCatalogTest, FindsFilesWithTypeAndVersion) {
    const AssetCatalog catalog(Files{{"app.js", "console.log(1)"}, {"app.css", "body{}"}});
    const Asset* script = catalog.find("app.js");
    ASSERT_NE(script, nullptr);
    EXPECT_EQ(script->content, "console.log(1)");
    EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(script->version, sha256_hex("console.log(1)").substr(0, 16));
    EXPECT_EQ(catalog.find("app.css")->content_type, "text/css; charset=utf-8");
    EXPECT_EQ(catalog.find("missing.js"), nullptr);
    EXPECT_EQ(catalog.find("App.js"), nullptr);  // names are exact
}

TEST(AssetCatalogTest, UrlsCarryTheVersionSoNewBuildsGetNewUrls) {
    const AssetCatalog first(Files{{"app.js", "a"}});
    const AssetCatalog second(Files{{"app.js", "b"}});
    EXPECT_EQ(first.url("app.js"), "/assets/app.js?v=" + first.find("app.js")->version);
    EXPECT_NE(first.url("app.js"), second.url("app.js"));
    EXPECT_THROW(first.url("other.js"), std::logic_error);
}

TEST(AssetCatalogTest, ContentTypesByExtension) {
    EXPECT_EQ(content_type_for("page.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_for("map.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("README"), "application/octet-stream");
}

TEST(AssetCatalogTest, TheBuildBundlesTheDashboardScriptAndStyle) {
    const AssetCatalog catalog(bundled_assets());
    ASSERT_NE(catalog.find("dashboard.js"), nullptr);
    ASSERT_NE(catalog.find("dashboard.css"), nullptr);
    EXPECT_GT(catalog.find("dashboard.js")->content.size(), 1000u);
}

}  // namespace
}  // namespace pmstudio::web
