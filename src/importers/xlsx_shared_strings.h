#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers/zip_archive.h"

namespace pmstudio::importers {

// The shared strings table of a workbook (plain and rich text, phonetic runs left out), held in
// one buffer. Views stay valid as long as the table.
class XlsxSharedStrings {
public:
    XlsxSharedStrings() = default;  // an empty table, for workbooks without one
    XlsxSharedStrings(const ZipArchive& archive, const std::string& part);

    size_t size() const { return ends_.size(); }
    std::string_view at(size_t index) const {
        const size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(text_).substr(begin, ends_[index] - begin);
    }

private:
    friend class SharedStringsHandler;

    std::string text_;
    std::vector<size_t> ends_;
};

}  // namespace pmstudio::importers
