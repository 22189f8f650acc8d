#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/asset_catalog.h"
#include "web/web_files.h"

namespace pmstudio::web {

// Fills a page template: {{name}} by the HTML-escaped value of `values`, {{asset:file}} by the
// asset's versioned URL. A placeholder without a value is a programming error (logic_error).
std::string fill_page(std::string_view page, const std::map<std::string, std::string>& values,
                      const AssetCatalog& assets);

// The HTML of the dashboard pages (web/pages): the shell the front end renders a dashboard into,
// and the page that says why a dashboard cannot be shown.
class Pages {
public:
    // `templates` must hold dashboard.html and message.html.
    Pages(const std::vector<WebFile>& templates, const AssetCatalog& assets);

    // The dashboard page: with the toolbar for signed-in people, or chrome-less for embedding.
    const std::string& dashboard(bool embedded) const {
        return embedded ? embedded_dashboard_ : dashboard_;
    }
    // A page showing `title` and `message`.
    std::string message(std::string_view title, std::string_view message) const;

private:
    const AssetCatalog& assets_;
    std::string message_template_;
    std::string dashboard_;
    std::string embedded_dashboard_;
};

}  // namespace pmstudio::web
