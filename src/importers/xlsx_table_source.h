#pragma once

#include <memory>
#include <string>
#include <vector>

#include "importers/import_options.h"
#include "importers/import_report.h"
#include "importers/table_source.h"
#include "importers/xlsx_shared_strings.h"
#include "importers/xlsx_styles.h"
#include "importers/zip_archive.h"

namespace pmstudio::importers {

class XlsxSheetReader;
class ZoneConverter;

// One worksheet of an .xlsx workbook as a table, streamed row by row: the first row with values is
// the header (an empty header cell is named "Column N", N its 1-based column), cells to the right
// of the last header cell are ignored, rows without values are passed over and row_number()
// counts sheet rows below the header. Shared strings, inline and formula strings are text;
// numbers are numbers, or date-times when their style shows a date or time (the wall-clock time
// read in options.time_zone); booleans are booleans; error cells (#N/A, ...) are empty and
// recorded in the report.
class XlsxTableSource final : public TableSource {
public:
    // Opens options.worksheet (the first worksheet when empty) and reads the header. Throws
    // ImportError 400 when the file is not a readable .xlsx workbook, 422 when the worksheet
    // does not exist, and std::invalid_argument for a time zone the system does not know.
    XlsxTableSource(const std::string& path, const ImportOptions& options, ImportReport& report);
    ~XlsxTableSource() override;

    const std::vector<std::string>& header() const override { return header_; }
    // Throws ImportError 400 when the sheet turns out to be damaged.
    bool next_row(std::vector<Cell>& cells) override;
    int64_t row_number() const override { return row_number_; }
    int64_t bytes_read() const override;
    int64_t bytes_total() const override;

private:
    void open(const std::string& path, const std::string& worksheet);
    void read_header();
    void fill(std::vector<Cell>& cells);

    ImportReport& report_;
    std::unique_ptr<ZoneConverter> zone_;  // null for UTC
    std::unique_ptr<ZipArchive> archive_;
    XlsxSharedStrings shared_strings_;
    XlsxStyles styles_;
    std::unique_ptr<XlsxSheetReader> sheet_;
    std::vector<std::string> header_;
    int64_t header_row_ = 0;
    int64_t row_number_ = 0;
};

}  // namespace pmstudio::importers
