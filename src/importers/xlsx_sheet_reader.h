#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers/table_source.h"
#include "importers/xlsx_shared_strings.h"
#include "importers/xlsx_styles.h"
#include "importers/xml_stream.h"

namespace pmstudio::importers {

// One cell with a value. Date-styled numbers are Cell::DateTime holding the local wall-clock time
// (the sheet has no time zone). An error cell (#N/A, #DIV/0!, ...) is Empty with `error` set.
struct XlsxCell {
    size_t column;  // 0-based: A = 0
    Cell cell;
    std::string_view error;
};

// Streams the rows of one worksheet part (<sheetData><row><c>), a row at a time; rows without any
// value are passed over. Cells sit in the column their reference (r="C7") names, or follow the
// previous cell when it has none.
class XlsxSheetReader final : private XmlHandler {
public:
    XlsxSheetReader(ZipEntry sheet, const XlsxSharedStrings& shared_strings,
                    const XlsxStyles& styles, bool date1904);

    // Reads the next row with values; false at the end of the sheet. Throws std::runtime_error
    // for malformed XML or a reference to a shared string that does not exist.
    bool next_row();
    // 1-based row number in the sheet and the row's cells in sheet order; text stays valid until
    // the next call to next_row.
    int64_t row_index() const { return row_index_; }
    const std::vector<XlsxCell>& cells() const { return cells_; }

    int64_t bytes_read() const { return stream_.bytes_read(); }
    int64_t bytes_total() const { return stream_.bytes_total(); }

private:
    enum class ValueType {
        Number,
        SharedString,
        InlineString,
        FormulaString,
        Boolean,
        Error,
        Date
    };
    // A parsed cell whose text (its value, or its error when `error`), if it owns any, lies in
    // row_text_[text_begin, text_end).
    struct PendingCell {
        XlsxCell cell;
        bool owns_text = false;
        bool error = false;
        size_t text_begin = 0;
        size_t text_end = 0;
    };

    void start_element(std::string_view name, const XmlAttributes& attributes) override;
    void end_element(std::string_view name) override;
    void text(std::string_view text) override;

    void start_cell(const XmlAttributes& attributes);
    void finish_cell();
    void finish_row();
    // Keeps the collected value as text owned by the row.
    void own_text(PendingCell& pending, bool decode_escapes);

    const XlsxSharedStrings& shared_strings_;
    const XlsxStyles& styles_;
    const bool date1904_;
    XmlStream stream_;

    // The row being parsed.
    int64_t row_index_ = 0;
    size_t next_column_ = 0;
    std::vector<PendingCell> pending_;
    std::string row_text_;
    // The cell being parsed.
    size_t column_ = 0;
    size_t style_ = 0;
    ValueType type_ = ValueType::Number;
    std::string value_;
    bool has_value_ = false;
    bool in_value_ = false;
    bool in_inline_string_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;

    bool row_ready_ = false;
    std::vector<XlsxCell> cells_;
};

}  // namespace pmstudio::importers
