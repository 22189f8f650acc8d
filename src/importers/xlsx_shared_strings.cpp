#include "importers/xlsx_shared_strings.h"

#include "importers/xlsx_text.h"
#include "importers/xml_stream.h"

namespace pmstudio::importers {

// <si> holds either <t> or rich-text runs <r><t>; <rPh> phonetic guides also hold <t>, which are
// not part of the value.
class SharedStringsHandler final : public XmlHandler {
public:
    explicit SharedStringsHandler(XlsxSharedStrings& table) : table_(table) {}

    void start_element(std::string_view name, const XmlAttributes&) override {
        if (name == "si") {
            item_.clear();
        } else if (name == "rPh") {
            ++phonetic_depth_;
        } else if (name == "t") {
            in_text_ = phonetic_depth_ == 0;
        }
    }
    void end_element(std::string_view name) override {
        if (name == "si") {
            append_xlsx_text(table_.text_, item_);
            table_.ends_.push_back(table_.text_.size());
        } else if (name == "rPh") {
            --phonetic_depth_;
        } else if (name == "t") {
            in_text_ = false;
        }
    }
    void text(std::string_view text) override {
        if (in_text_) item_.append(text);
    }

private:
    XlsxSharedStrings& table_;
    std::string item_;
    int phonetic_depth_ = 0;
    bool in_text_ = false;
};

XlsxSharedStrings::XlsxSharedStrings(const ZipArchive& archive, const std::string& part) {
    SharedStringsHandler handler(*this);
    parse_xml_part(archive, part, handler);
}

}  // namespace pmstudio::importers
