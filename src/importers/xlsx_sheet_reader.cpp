#include "importers/xlsx_sheet_reader.h"

#include <charconv>

#include "importers/excel_dates.h"
#include "importers/xlsx_text.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kMaxColumns = 16384;  // XFD

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// The 0-based column of a cell reference such as "C7"; nullopt without letters.
std::optional<size_t> column_of(std::string_view reference) {
    size_t column = 0;
    size_t letters = 0;
    for (const char c : reference) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<size_t>(c - 'A' + 1);
        if (column > kMaxColumns) return std::nullopt;
        ++letters;
    }
    if (letters == 0) return std::nullopt;
    return column - 1;
}

}  // namespace

XlsxSheetReader::XlsxSheetReader(ZipEntry sheet, const XlsxSharedStrings& shared_strings,
                                 const XlsxStyles& styles, bool date1904)
    : shared_strings_(shared_strings),
      styles_(styles),
      date1904_(date1904),
      stream_(std::move(sheet), *this) {}

bool XlsxSheetReader::next_row() {
    row_ready_ = false;
    while (!row_ready_) {
        if (!stream_.resume()) return false;
    }
    return true;
}

void XlsxSheetReader::start_element(std::string_view name, const XmlAttributes& attributes) {
    if (name == "c") {
        start_cell(attributes);
    } else if (name == "v") {
        in_value_ = true;
    } else if (name == "is") {
        in_inline_string_ = true;
    } else if (name == "rPh") {
        ++phonetic_depth_;
    } else if (name == "t") {
        in_text_ = in_inline_string_ && phonetic_depth_ == 0;
    } else if (name == "row") {
        int64_t index = 0;
        row_index_ = parse_number(attributes.get("r").value_or(""), index) ? index : row_index_ + 1;
        next_column_ = 0;
        pending_.clear();
        row_text_.clear();
    }
}

void XlsxSheetReader::end_element(std::string_view name) {
    if (name == "v") {
        in_value_ = false;
        has_value_ = true;
    } else if (name == "t") {
        has_value_ = has_value_ || in_text_;
        in_text_ = false;
    } else if (name == "rPh") {
        --phonetic_depth_;
    } else if (name == "is") {
        in_inline_string_ = false;
    } else if (name == "c") {
        finish_cell();
    } else if (name == "row") {
        finish_row();
    }
}

void XlsxSheetReader::text(std::string_view text) {
    if (in_value_ || in_text_) value_.append(text);
}

void XlsxSheetReader::start_cell(const XmlAttributes& attributes) {
    column_ = column_of(attributes.get("r").value_or("")).value_or(next_column_);
    next_column_ = column_ + 1;
    style_ = 0;
    parse_number(attributes.get("s").value_or(""), style_);
    const std::string_view type = attributes.get("t").value_or("n");
    type_ = type == "s"           ? ValueType::SharedString
            : type == "inlineStr" ? ValueType::InlineString
            : type == "str"       ? ValueType::FormulaString
            : type == "b"         ? ValueType::Boolean
            : type == "e"         ? ValueType::Error
            : type == "d"         ? ValueType::Date
                                  : ValueType::Number;
    value_.clear();
    has_value_ = false;
}

void XlsxSheetReader::finish_cell() {
    if (!has_value_) return;  // a cell with a style only
    PendingCell pending{{column_, Cell{}, {}}};
    Cell& cell = pending.cell.cell;
    switch (type_) {
        case ValueType::SharedString: {
            size_t index = 0;
            if (!parse_number(value_, index) || index >= shared_strings_.size()) {
                stream_.fail("cell refers to shared string '" + value_ + "', which does not exist");
                return;
            }
            cell = Cell::of_text(shared_strings_.at(index));
            break;
        }
        case ValueType::InlineString:
        case ValueType::FormulaString:
            cell.kind = Cell::Kind::Text;
            own_text(pending, true);
            break;
        case ValueType::Date:  // ISO 8601 text; the importer parses it
            cell.kind = Cell::Kind::Text;
            own_text(pending, false);
            break;
        case ValueType::Boolean:
            cell.kind = Cell::Kind::Boolean;
            cell.boolean = value_ == "1" || value_ == "true";
            break;
        case ValueType::Error:
            pending.error = true;
            own_text(pending, false);
            break;
        case ValueType::Number: {
            double number = 0;
            if (!parse_number(value_, number)) {
                cell.kind = Cell::Kind::Text;
                own_text(pending, false);
                break;
            }
            const auto micros =
                styles_.is_date(style_) ? excel_serial_to_micros(number, date1904_) : std::nullopt;
            if (micros) {
                cell.kind = Cell::Kind::DateTime;
                cell.micros = *micros;
            } else {
                cell.kind = Cell::Kind::Number;
                cell.number = number;
            }
            break;
        }
    }
    pending_.push_back(pending);
}

void XlsxSheetReader::own_text(PendingCell& pending, bool decode_escapes) {
    pending.owns_text = true;
    pending.text_begin = row_text_.size();
    if (decode_escapes) {
        append_xlsx_text(row_text_, value_);
    } else {
        row_text_.append(value_);
    }
    pending.text_end = row_text_.size();
}

void XlsxSheetReader::finish_row() {
    if (pending_.empty()) return;
    cells_.clear();
    const std::string_view row_text(row_text_);
    for (PendingCell& pending : pending_) {
        if (pending.owns_text) {
            const std::string_view owned =
                row_text.substr(pending.text_begin, pending.text_end - pending.text_begin);
            (pending.error ? pending.cell.error : pending.cell.cell.text) = owned;
        }
        cells_.push_back(pending.cell);
    }
    row_ready_ = true;
    stream_.pause();
}

}  // namespace pmstudio::importers
