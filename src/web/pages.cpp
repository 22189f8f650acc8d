#include "web/pages.h"

#include <stdexcept>

#include "common/text.h"

namespace pmstudio::web {
namespace {

std::string_view template_named(const std::vector<WebFile>& templates, std::string_view name) {
    for (const auto& file : templates) {
        if (file.name == name) return file.content;
    }
    throw std::logic_error("the web bundle has no page " + std::string(name));
}

}  // namespace

std::string fill_page(std::string_view page, const std::map<std::string, std::string>& values,
                      const AssetCatalog& assets) {
    constexpr std::string_view kAsset = "asset:";
    std::string out;
    size_t at = 0;
    while (true) {
        const size_t open = page.find("{{", at);
        if (open == std::string_view::npos) break;
        const size_t close = page.find("}}", open);
        if (close == std::string_view::npos) break;
        out.append(page.substr(at, open - at));
        const std::string name(page.substr(open + 2, close - open - 2));
        if (name.starts_with(kAsset)) {
            out += html_escape(assets.url(name.substr(kAsset.size())));
        } else if (const auto value = values.find(name); value != values.end()) {
            out += html_escape(value->second);
        } else {
            throw std::logic_error("no value for the page placeholder {{" + name + "}}");
        }
        at = close + 2;
    }
    out.append(page.substr(at));
    return out;
}

Pages::Pages(const std::vector<WebFile>& templates, const AssetCatalog& assets)
    : assets_(assets),
      message_template_(template_named(templates, "message.html")),
      dashboard_(
          fill_page(template_named(templates, "dashboard.html"), {{"mode", "page"}}, assets)),
      embedded_dashboard_(
          fill_page(template_named(templates, "dashboard.html"), {{"mode", "embed"}}, assets)) {}

std::string Pages::message(std::string_view title, std::string_view message) const {
    return fill_page(message_template_,
                     {{"title", std::string(title)}, {"message", std::string(message)}}, assets_);
}

}  // namespace pmstudio::web
