#include "importers/xlsx_table_source.h"

#include <charconv>

#include "eventlog/time_format.h"
#include "importers/xlsx_sheet_reader.h"
#include "importers/xlsx_workbook.h"
#include "importers/zone_converter.h"

namespace pmstudio::importers {
namespace {

// Runs `body`, turning the std::runtime_error of a damaged package into ImportError 400.
template <typename Body>
decltype(auto) as_invalid_excel(Body&& body) {
    try {
        return body();
    } catch (const ImportError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw ImportError(400, std::string("Invalid Excel file: ") + e.what());
    }
}

std::string column_letters(size_t column) {
    std::string letters;
    for (size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

std::string header_name(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::Text:
            return std::string(cell.text);
        case Cell::Kind::Number: {
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, cell.number).ptr;
            return std::string(buffer, end);
        }
        case Cell::Kind::Boolean:
            return cell.boolean ? "TRUE" : "FALSE";
        case Cell::Kind::DateTime:
            return eventlog::format_utc(cell.micros);
        case Cell::Kind::Empty:
            break;
    }
    return "";
}

}  // namespace

XlsxTableSource::XlsxTableSource(const std::string& path, const ImportOptions& options,
                                 ImportReport& report)
    : report_(report) {
    if (!options.time_zone.empty() && options.time_zone != "UTC" &&
        options.time_zone != "Etc/UTC") {
        zone_ = std::make_unique<ZoneConverter>(options.time_zone);
    }
    as_invalid_excel([&] {
        open(path, options.worksheet);
        read_header();
    });
}

XlsxTableSource::~XlsxTableSource() = default;

void XlsxTableSource::open(const std::string& path, const std::string& worksheet) {
    archive_ = std::make_unique<ZipArchive>(path);
    const XlsxWorkbook workbook = read_xlsx_workbook(*archive_);
    if (workbook.worksheets.empty()) throw std::runtime_error("the workbook has no worksheets");
    const XlsxWorksheet* sheet = &workbook.worksheets.front();
    if (!worksheet.empty()) {
        sheet = nullptr;
        std::string available;
        for (const auto& candidate : workbook.worksheets) {
            if (candidate.name == worksheet) sheet = &candidate;
            available += (available.empty() ? "" : ", ") + candidate.name;
        }
        if (sheet == nullptr) {
            throw ImportError(422, "Worksheet '" + worksheet +
                                       "' not found in Excel file; available: " + available);
        }
    }
    if (!workbook.shared_strings_part.empty()) {
        shared_strings_ = XlsxSharedStrings(*archive_, workbook.shared_strings_part);
    }
    if (!workbook.styles_part.empty()) styles_ = XlsxStyles(*archive_, workbook.styles_part);
    sheet_ = std::make_unique<XlsxSheetReader>(archive_->open(sheet->part), shared_strings_,
                                               styles_, workbook.date1904);
}

void XlsxTableSource::read_header() {
    if (!sheet_->next_row()) return;
    header_row_ = sheet_->row_index();
    for (const XlsxCell& cell : sheet_->cells()) {
        const std::string name = header_name(cell.cell);
        if (name.empty()) continue;
        if (cell.column >= header_.size()) header_.resize(cell.column + 1);
        header_[cell.column] = name;
    }
    for (size_t column = 0; column < header_.size(); ++column) {
        if (header_[column].empty()) header_[column] = "Column " + std::to_string(column + 1);
    }
}

bool XlsxTableSource::next_row(std::vector<Cell>& cells) {
    return as_invalid_excel([&] {
        if (header_.empty() || !sheet_->next_row()) return false;
        fill(cells);
        return true;
    });
}

void XlsxTableSource::fill(std::vector<Cell>& cells) {
    row_number_ = sheet_->row_index() - header_row_;
    cells.assign(header_.size(), Cell{});
    for (const XlsxCell& cell : sheet_->cells()) {
        if (cell.column >= header_.size()) continue;
        if (!cell.error.empty()) {
            report_.invalid_value(row_number_, header_[cell.column], "ExcelError",
                                  "Cell " + column_letters(cell.column) +
                                      std::to_string(sheet_->row_index()) + " holds the error " +
                                      std::string(cell.error));
            continue;
        }
        Cell& out = cells[cell.column] = cell.cell;
        if (out.kind == Cell::Kind::DateTime && zone_) out.micros = zone_->to_utc(out.micros);
    }
}

int64_t XlsxTableSource::bytes_read() const {
    return sheet_ ? sheet_->bytes_read() : -1;
}

int64_t XlsxTableSource::bytes_total() const {
    return sheet_ ? sheet_->bytes_total() : -1;
}

}  // namespace pmstudio::importers
