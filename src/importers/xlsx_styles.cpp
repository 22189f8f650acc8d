#include "importers/xlsx_styles.h"

#include <charconv>
#include <set>

#include "importers/excel_dates.h"
#include "importers/xml_stream.h"

namespace pmstudio::importers {
namespace {

int to_int(std::optional<std::string_view> text) {
    int value = 0;
    if (text) std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
}

}  // namespace

// Custom formats (<numFmts><numFmt numFmtId formatCode>) come before the cell formats
// (<cellXfs><xf numFmtId>); <cellStyleXfs> also holds <xf> elements, which cells do not use.
class StylesHandler final : public XmlHandler {
public:
    explicit StylesHandler(XlsxStyles& styles) : styles_(styles) {}

    void start_element(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "numFmt") {
            if (is_date_format_code(attributes.get("formatCode").value_or(""))) {
                custom_date_formats_.insert(to_int(attributes.get("numFmtId")));
            }
        } else if (name == "cellXfs") {
            in_cell_formats_ = true;
        } else if (name == "xf" && in_cell_formats_) {
            const int format = to_int(attributes.get("numFmtId"));
            styles_.date_styles_.push_back(is_builtin_date_format(format) ||
                                           custom_date_formats_.contains(format));
        }
    }
    void end_element(std::string_view name) override {
        if (name == "cellXfs") in_cell_formats_ = false;
    }
    void text(std::string_view) override {}

private:
    XlsxStyles& styles_;
    std::set<int> custom_date_formats_;
    bool in_cell_formats_ = false;
};

XlsxStyles::XlsxStyles(const ZipArchive& archive, const std::string& part) {
    StylesHandler handler(*this);
    parse_xml_part(archive, part, handler);
}

}  // namespace pmstudio::importers
