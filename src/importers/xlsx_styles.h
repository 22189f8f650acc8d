#pragma once

#include <string>
#include <vector>

#include "importers/zip_archive.h"

namespace pmstudio::importers {

// Which cell styles (the s attribute of a cell: an index into cellXfs) show dates or times.
class XlsxStyles {
public:
    XlsxStyles() = default;  // no styles: nothing is a date
    XlsxStyles(const ZipArchive& archive, const std::string& part);

    bool is_date(size_t style) const { return style < date_styles_.size() && date_styles_[style]; }

private:
    friend class StylesHandler;

    std::vector<bool> date_styles_;
};

}  // namespace pmstudio::importers
