#pragma once

#include <string>
#include <vector>

#include "importers/zip_archive.h"

namespace pmstudio::importers {

struct XlsxWorksheet {
    std::string name;
    std::string part;  // member of the archive, e.g. xl/worksheets/sheet1.xml
};

// What an .xlsx package says about itself: its worksheets in workbook order (chart sheets left
// out), the date system, and where the shared strings and styles are (empty when absent).
struct XlsxWorkbook {
    std::vector<XlsxWorksheet> worksheets;
    bool date1904 = false;
    std::string shared_strings_part;
    std::string styles_part;
};

// Follows _rels/.rels to the workbook and the workbook's relationships to its parts. Throws
// std::runtime_error when the package has no workbook.
XlsxWorkbook read_xlsx_workbook(const ZipArchive& archive);

}  // namespace pmstudio::importers
