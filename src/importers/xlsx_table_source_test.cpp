#include "importers/xlsx_table_source.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "importers/culture_value_parser.h"
#include "importers/table_source_test_rows.h"

namespace pmstudio::importers {
namespace {

namespace fs = std::filesystem;
using table_test::Row;
using table_test::rows_of;
using table_test::show;
using Parts = std::map<std::string, std::string>;

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Sheet {
    std::string name;
    std::string rows;  // the content of <sheetData>
};

std::string xml(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body;
}

std::string relationship(const std::string& id, const std::string& type,
                         const std::string& target) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + kRelationships + "/" + type +
           "\" Target=\"" + target + "\"/>";
}

// The parts of a minimal workbook; `shared_strings` are the <si> items.
Parts workbook(const std::vector<Sheet>& sheets, const std::string& shared_strings = "",
               bool date1904 = false) {
    Parts parts;
    parts["[Content_Types].xml"] =
        xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" "
            "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
    parts["_rels/.rels"] =
        xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            "relationships\">" +
            relationship("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>");
    std::string sheet_list;
    std::string rels = relationship("rIdS", "styles", "styles.xml") +
                       relationship("rIdT", "sharedStrings", "/xl/sharedStrings.xml");
    for (size_t i = 0; i < sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        sheet_list.append("<sheet name=\"")
            .append(sheets[i].name)
            .append("\" sheetId=\"")
            .append(n)
            .append("\" r:id=\"rId")
            .append(n)
            .append("\"/>");
        rels += relationship("rId" + n, "worksheet", "worksheets/sheet" + n + ".xml");
        parts["xl/worksheets/sheet" + n + ".xml"] =
            xml(std::string("<worksheet xmlns=\"") + kMain + "\"><dimension ref=\"A1\"/>" +
                "<sheetData>" + sheets[i].rows + "</sheetData></worksheet>");
    }
    parts["xl/workbook.xml"] =
        xml(std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelationships +
            "\"><workbookPr" + (date1904 ? " date1904=\"1\"" : "") + "/><sheets>" + sheet_list +
            "</sheets></workbook>");
    parts["xl/_rels/workbook.xml.rels"] =
        xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            "relationships\">" +
            rels + "</Relationships>");
    parts["xl/sharedStrings.xml"] =
        xml(std::string("<sst xmlns=\"") + kMain + "\">" + shared_strings + "</sst>");
    // Styles: 0 General, 1 built-in date (14), 2 custom date-time, 3 custom number, 4 elapsed
    // hours, 5 built-in date-time (22). The cellStyleXfs entry must not count.
    parts["xl/styles.xml"] =
        xml(std::string("<styleSheet xmlns=\"") + kMain +
            "\"><numFmts count=\"3\">"
            "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/>"
            "<numFmt numFmtId=\"165\" formatCode=\"0.00 &quot;days&quot;\"/>"
            "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/></numFmts>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
            "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
            "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"22\"/></cellXfs>"
            "</styleSheet>");
    return parts;
}

class XlsxTableSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("pmstudio-xlsx-" + std::to_string(getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const Parts& parts) {
        std::string path = (dir_ / "book.xlsx").string();
        int error = 0;
        zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        EXPECT_NE(archive, nullptr);
        for (const auto& [name, content] : parts) {
            zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
            EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
        }
        EXPECT_EQ(zip_close(archive), 0);
        return path;
    }

    XlsxTableSource open(const Parts& parts, const std::string& worksheet = "",
                         const std::string& time_zone = "UTC") {
        ImportOptions options;
        options.worksheet = worksheet;
        options.time_zone = time_zone;
        return XlsxTableSource(write(parts), options, report_);
    }

    fs::path dir_;
    ImportReport report_;
};

TEST_F(XlsxTableSourceTest, ReadsEveryKindOfCell) {
    const std::string strings =
        "<si><t>Case</t></si><si><t>Value</t></si><si><r><rPr><b/></rPr><t>Rich </t></r>"
        "<r><t xml:space=\"preserve\">text</t></r></si>"
        "<si><t>漢字</t><rPh sb=\"0\" eb=\"1\"><t>かんじ</t></rPh></si>"
        "<si><t>line_x000D_break &amp; _x005F_x0041_</t></si>";
    auto source = open(workbook(
        {{"Events",
          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
          "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
          "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c>"
          "<c r=\"B3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>"
          "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>A1&amp;\"x\"</f><v>Casex</v></c>"
          "<c r=\"B4\"><v>1500.25</v></c></row>"
          "<row r=\"5\"><c r=\"A5\" t=\"b\"><v>1</v></c><c r=\"B5\" t=\"b\"><v>0</v></c></row>"
          "<row r=\"6\"><c r=\"A6\" s=\"1\"><v>45306</v></c><c r=\"B6\" s=\"2\">"
          "<v>45306.605555555558</v></c></row>"
          "<row r=\"7\"><c r=\"A7\" s=\"3\"><v>2.5</v></c><c r=\"B7\" s=\"4\"><v>1.25</v></c></row>"
          "<row r=\"8\"><c r=\"A8\" s=\"5\"><v>0.75</v></c>"
          "<c r=\"B8\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"}},
        strings));
    EXPECT_EQ(source.header(), (std::vector<std::string>{"Case", "Value"}));
    EXPECT_EQ(rows_of(source), (std::vector<Row>{
                                   {"'Rich text'", "'漢字'"},
                                   {"'line\rbreak & _x0041_'", "'inline'"},
                                   {"'Casex'", "1500.25"},
                                   {"true", "false"},
                                   {"2024-01-15T00:00:00Z", "2024-01-15T14:32:00Z"},
                                   {"2.5", "1.25"},
                                   {"1899-12-31T18:00:00Z", "-"},
                               }));
    ASSERT_EQ(report_.invalid_values(), 1);
    EXPECT_EQ(report_.issues()[0].row_index, 7);
    EXPECT_EQ(report_.issues()[0].column_name, "Value");
    EXPECT_EQ(report_.issues()[0].message, "Cell B8 holds the error #DIV/0!");
}

TEST_F(XlsxTableSourceTest, SparseCellsAndRowsKeepTheirPlaces) {
    auto source = open(
        workbook({{"Sheet1",
                   // The header has a gap at B; D has no reference and follows C.
                   "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>A</t></is></c>"
                   "<c r=\"C1\" t=\"inlineStr\"><is><t>C</t></is></c>"
                   "<c t=\"inlineStr\"><is><t>D</t></is></c></row>"
                   "<row r=\"2\"><c r=\"D2\"><v>4</v></c></row>"
                   "<row r=\"3\" spans=\"1:4\"><c r=\"A3\" s=\"1\"/></row>"  // styled, no value
                   "<row r=\"5\"><c r=\"B5\"><v>2</v></c><c r=\"F5\"><v>6</v></c></row>"
                   "<row><c r=\"A6\"><v>1</v></c></row>"}}));
    EXPECT_EQ(source.header(), (std::vector<std::string>{"A", "Column 2", "C", "D"}));
    std::vector<int64_t> numbers;
    EXPECT_EQ(rows_of(source, &numbers), (std::vector<Row>{
                                             {"-", "-", "-", "4"},
                                             {"-", "2", "-", "-"},
                                             {"1", "-", "-", "-"},
                                         }));
    EXPECT_EQ(numbers, (std::vector<int64_t>{1, 4, 5}));
}

TEST_F(XlsxTableSourceTest, Date1904SystemAndTimeZone) {
    const std::string rows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>When</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"2\"><v>43844.375</v></c></row>";
    auto source = open(workbook({{"S", rows}}, "", true), "", "Europe/Amsterdam");
    EXPECT_EQ(rows_of(source), (std::vector<Row>{{"2024-01-15T08:00:00Z"}}));
}

TEST_F(XlsxTableSourceTest, SelectsAWorksheetByName) {
    const auto parts = workbook({{"First", "<row><c t=\"inlineStr\"><is><t>one</t></is></c></row>"},
                                 {"Second",
                                  "<row><c t=\"inlineStr\"><is><t>two</t></is></c></row>"
                                  "<row><c><v>2</v></c></row>"}});
    EXPECT_EQ(open(parts).header(), (std::vector<std::string>{"one"}));
    auto second = open(parts, "Second");
    EXPECT_EQ(second.header(), (std::vector<std::string>{"two"}));
    EXPECT_EQ(rows_of(second), (std::vector<Row>{{"2"}}));
    try {
        open(parts, "Third");
        FAIL() << "expected ImportError";
    } catch (const ImportError& e) {
        EXPECT_EQ(e.status(), 422);
        EXPECT_STREQ(e.what(),
                     "Worksheet 'Third' not found in Excel file; available: First, Second");
    }
}

int status_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const ImportError& e) {
        return e.status();
    }
    return 0;
}

TEST_F(XlsxTableSourceTest, RejectsFilesThatAreNoWorkbook) {
    const std::string text = (dir_ / "not.xlsx").string();
    std::ofstream(text) << "CaseID,Activity\n1,a\n";
    ImportOptions options;
    EXPECT_EQ(status_of([&] { XlsxTableSource(text, options, report_); }), 400);

    auto no_workbook = workbook({{"S", ""}});
    no_workbook.erase("xl/workbook.xml");
    EXPECT_EQ(status_of([&] { open(no_workbook); }), 400);

    auto bad_sheet = workbook({{"S", "<row><c><v>1</v></c></row><row><c><v>2</v></c></row"}});
    EXPECT_EQ(status_of([&] {
                  auto source = open(bad_sheet);
                  rows_of(source);
              }),
              400);

    auto bad_string = workbook({{"S", "<row><c t=\"s\"><v>7</v></c></row>"}});
    try {
        open(bad_string);
        FAIL() << "expected ImportError";
    } catch (const ImportError& e) {
        EXPECT_EQ(e.status(), 400);
        EXPECT_STREQ(e.what(),
                     "Invalid Excel file: cell refers to shared string '7', which does not exist");
    }
}

TEST_F(XlsxTableSourceTest, EmptySheetHasNoHeaderAndNoRows) {
    auto source = open(workbook({{"S", ""}}));
    EXPECT_TRUE(source.header().empty());
    EXPECT_TRUE(rows_of(source).empty());
}

// tests/data/running-example.xlsx is the shared running-example.csv written by
// tests/data/make_running_example_xlsx.py: the same events, timestamps as wall-clock serials.
TEST_F(XlsxTableSourceTest, RunningExampleMatchesItsCsv) {
    ImportOptions options;
    options.time_zone = "Europe/Amsterdam";
    XlsxTableSource source(PMSTUDIO_TEST_DATA_DIR "/running-example.xlsx", options, report_);
    EXPECT_EQ(source.header(),
              (std::vector<std::string>{"Column 1", "concept:name", "org:resource",
                                        "time:timestamp", "Activity", "Resource", "Costs",
                                        "case:concept:name", "case:creator"}));

    std::ifstream csv(PMSTUDIO_SHARED_DATA_DIR "/running-example.csv");
    std::string line;
    std::getline(csv, line);
    const CultureValueParser parser(*find_culture("invariant"), "UTC");
    std::vector<Cell> cells;
    int64_t rows = 0;
    while (std::getline(csv, line)) {
        ASSERT_TRUE(source.next_row(cells));
        ++rows;
        std::vector<std::string> fields;
        for (size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
            end = line.find(',', start);
            fields.push_back(line.substr(start, end - start));
        }
        ASSERT_EQ(cells[3].kind, Cell::Kind::DateTime);
        EXPECT_EQ(cells[3].micros, parser.parse_datetime(fields[3])) << line;
        EXPECT_EQ(show(cells[1]), "'" + fields[1] + "'");
        EXPECT_EQ(cells[6].number, std::stod(fields[6]));
        EXPECT_EQ(cells[7].number, std::stod(fields[7]));
    }
    EXPECT_FALSE(source.next_row(cells));
    EXPECT_EQ(rows, 42);
    EXPECT_EQ(source.bytes_read(), source.bytes_total());
}

}  // namespace
}  // namespace pmstudio::importers
