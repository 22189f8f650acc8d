#include "web/pages.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace pmstudio::web {
namespace {

using Files = std::vector<WebFile>;

TEST(PagesTest, FillPageEscapesValuesAndLinksVersionedAssets) {
    const AssetCatalog assets(Files{{"app.css", "body{}"}});
    const auto page = fill_page(R"(<link href="{{asset:app.css}}"><p>{{message}}</p>)",
                                {{"message", "<script>x</script>"}}, assets);
    EXPECT_EQ(page,
              "<link href=\"" + assets.url("app.css") + "\"><p>&lt;script&gt;x&lt;/script&gt;</p>");
    EXPECT_THROW(fill_page("{{unknown}}", {}, assets), std::logic_error);
    EXPECT_THROW(fill_page("{{asset:missing.js}}", {}, assets), std::logic_error);
    EXPECT_EQ(fill_page("no placeholders {", {}, assets), "no placeholders {");
}

TEST(PagesTest, DashboardShellsAndMessagePages) {
    const AssetCatalog assets(Files{{"dashboard.js", "js"}, {"dashboard.css", "css"}});
    const Pages pages(
        {{"dashboard.html", R"(<body data-mode="{{mode}}"><script src="{{asset:dashboard.js}}">)"},
         {"message.html", "<h1>{{title}}</h1><p>{{message}}</p>"}},
        assets);
    EXPECT_EQ(pages.dashboard(false),
              "<body data-mode=\"page\"><script src=\"" + assets.url("dashboard.js") + "\">");
    EXPECT_EQ(pages.dashboard(true),
              "<body data-mode=\"embed\"><script src=\"" + assets.url("dashboard.js") + "\">");
    EXPECT_EQ(pages.message("Not <valid>", "The token expired"),
              "<h1>Not &lt;valid&gt;</h1><p>The token expired</p>");
}

TEST(PagesTest, TheBundledTemplatesFill) {
    const AssetCatalog assets(bundled_assets());
    const Pages pages(bundled_pages(), assets);
    EXPECT_NE(pages.dashboard(false).find(assets.url("dashboard.js")), std::string::npos);
    EXPECT_NE(pages.message("t", "m").find("<title>t - pmstudio</title>"), std::string::npos);
}

}  // namespace
}  // namespace pmstudio::web
