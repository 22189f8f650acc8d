#include "importers/mcl_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/import_report.h"
#include "importers/mcl_writer.h"

namespace pmstudio::importers {
namespace {

const std::filesystem::path kExamples =
    std::filesystem::path(PMSTUDIO_SHARED_DATA_DIR) / ".." / "spec" / "mcl-examples";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::filesystem::path> example_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(kExamples)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::ranges::sort(files);
    return files;
}

// The message of the ImportError that reading `text` throws; fails the test if none is thrown.
std::string read_error(const std::string& text) {
    try {
        read_mcl(text);
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 400);
        return error.what();
    }
    ADD_FAILURE() << "no ImportError for " << text;
    return "";
}

const std::string kNotebook = read_file(kExamples / "WaitingForBed.mcl");

// kNotebook with the first occurrence of `from` replaced by `to`.
std::string edited(const std::string& from, const std::string& to) {
    std::string text = kNotebook;
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(MclReader, ReadsEveryExampleAndRoundTrips) {
    const auto files = example_files();
    ASSERT_GE(files.size(), 14u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const McDocument document = read_mcl(read_file(file));
        const std::string written = write_mcl(document);
        EXPECT_EQ(read_mcl(written), document);
        EXPECT_EQ(write_mcl(read_mcl(written)), written);
    }
}

TEST(MclReader, NotebookExample) {
    const McDocument document = read_mcl(kNotebook);
    EXPECT_EQ(document.mcl_version, 2);
    EXPECT_EQ(document.content_type, 1);
    EXPECT_FALSE(document.blocks.has_value());
    EXPECT_EQ(document.settings, McJson::array());
    ASSERT_TRUE(document.notebooks.has_value());
    ASSERT_EQ(document.notebooks->size(), 1u);
    const McNotebook& notebook = document.notebooks->front();
    EXPECT_EQ(notebook.name, "Waiting For Bed");
    EXPECT_EQ(notebook.notebook_order, 30000.0);
    EXPECT_EQ(notebook.notebook_type, 7);
    ASSERT_EQ(notebook.blocks.size(), 2u);
    ASSERT_EQ(notebook.dashboard_blocks.size(), 1u);

    const McBlock& filter = notebook.blocks[0];
    const McBlock& calculator = notebook.blocks[1];
    const McBlock& selector = notebook.dashboard_blocks[0];
    EXPECT_EQ(filter.operator_type_name, "FilterAttribute");
    EXPECT_EQ(filter.block_type, 1);
    EXPECT_EQ(filter.is_first_block, true);
    EXPECT_EQ(filter.disabled, false);
    EXPECT_EQ(filter.operator_settings.value["CompareValue"], "Triage");
    EXPECT_EQ(filter.operator_settings.value["CompareArray"], McJson());
    EXPECT_EQ(calculator.operator_type_name, "CalculatorCaseStage");
    EXPECT_EQ(calculator.parent_block_id, filter.id);
    EXPECT_EQ(calculator.operator_settings.value["HighThreshold"], "01:00:00");
    EXPECT_EQ(calculator.operator_settings.value["FilterListSettings"],
              "{\r\n  \"FilterSettingsList\": []\r\n}");
    EXPECT_EQ(selector.block_type, 3);
    EXPECT_EQ(selector.parent_block_id, calculator.id);
    EXPECT_EQ(selector.operator_settings.value["CalculatorBlockId"], calculator.id);
    EXPECT_TRUE(selector.extra.empty());

    ASSERT_TRUE(notebook.notebook_dashboard.has_value());
    const McDashboard& dashboard = *notebook.notebook_dashboard;
    EXPECT_EQ(dashboard.project_id, "b73fc50c-f962-4ee3-bdc5-889707ed976f");
    ASSERT_EQ(dashboard.panels.size(), 1u);
    EXPECT_EQ(dashboard.panels[0].input_block_id, selector.id);
    EXPECT_EQ(dashboard.panels[0].size_x, 6);
    EXPECT_EQ(dashboard.panels[0].extra_options.value["PanelDisableTitle"], true);
}

TEST(MclReader, ArraySettingsValue) {
    const McDocument document = read_mcl(read_file(kExamples / "WaitingForTestResults.mcl"));
    const McJson& settings = document.notebooks->at(0).blocks.at(0).operator_settings.value;
    EXPECT_EQ(settings["CompareArray"], McJson::parse(R"(["Blood Test Performed",
                                                           "Imaging Performed"])"));
}

TEST(MclReader, EnrichmentExample) {
    const McDocument document =
        read_mcl(read_file(kExamples / "enrichment-TimeSinceLastActivity.json"));
    EXPECT_EQ(document.content_type, 7);
    EXPECT_FALSE(document.notebooks.has_value());
    ASSERT_TRUE(document.enrichment_blocks.has_value());
    ASSERT_EQ(document.enrichment_blocks->size(), 1u);
    const McEnrichmentBlock& block = document.enrichment_blocks->front();
    EXPECT_EQ(block.operator_type_name, "OperatorTimeDifferenceFromCurrentTime");
    EXPECT_EQ(block.block_order, 99996948.2421875);
    EXPECT_EQ(block.operator_settings.value["DurationType"], 8);
}

TEST(MclReader, WritesTheSameKeysAndSettingsText) {
    const McDocument document = read_mcl(kNotebook);
    const McJson original = McJson::parse(kNotebook);
    const McJson written = McJson::parse(write_mcl(document));
    // Same keys, nesting and values; only number spelling may differ (30000.0 for 30000.000...).
    EXPECT_EQ(written, original);
}

TEST(MclReader, KeysMatchIgnoringCaseAndUnknownKeysSurvive) {
    const std::string text =
        edited("\"OperatorTypeName\": \"FilterAttribute\"",
               "\"operatortypename\": \"FilterAttribute\", \"Future\": [1, 2]");
    const McDocument document = read_mcl(text);
    const McBlock& filter = document.notebooks->at(0).blocks.at(0);
    EXPECT_EQ(filter.operator_type_name, "FilterAttribute");
    EXPECT_EQ(filter.extra, McJson::parse(R"({"Future": [1, 2]})"));
    const McJson written = McJson::parse(write_mcl(document));
    EXPECT_EQ(written["Notebooks"][0]["Blocks"][0]["OperatorTypeName"], "FilterAttribute");
    EXPECT_EQ(written["Notebooks"][0]["Blocks"][0]["Future"], McJson::parse("[1, 2]"));
    EXPECT_EQ(read_mcl(write_mcl(document)), document);
}

TEST(MclReader, ChangedSettingsAreWrittenInDotNetForm) {
    McDocument document = read_mcl(kNotebook);
    McBlock& filter = document.notebooks->at(0).blocks.at(0);
    filter.operator_settings.value = McJson::parse(R"({"ColumnName": "x", "List": []})");
    const McJson written = McJson::parse(write_mcl(document));
    EXPECT_EQ(written["Notebooks"][0]["Blocks"][0]["OperatorSettings"],
              "{\r\n  \"ColumnName\": \"x\",\r\n  \"List\": []\r\n}");
}

TEST(MclReader, MalformedInputNamesThePlace) {
    EXPECT_NE(read_error("not json").find("MCL document: not JSON"), std::string::npos);
    EXPECT_EQ(read_error("{\n  \"ContentType\" 8\n}"),
              "MCL document: not JSON at line 2, column 17: syntax error while parsing object "
              "separator - unexpected number literal; expected ':'");
    EXPECT_EQ(read_error("{\"ContentType\": 1,}"),
              "MCL document: not JSON at line 1, column 19: syntax error while parsing object key "
              "- unexpected '}'; expected string literal");
    EXPECT_NE(read_error("[1, 2]").find("MCL document: expected an object, got array"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Notebooks\": [", "\"NotNotebooks\": ["))
                  .find("MCL Notebooks: missing"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"ContentType\": 1", "\"ContentType\": null"))
                  .find("MCL ContentType: missing or null"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"BlockType\": 2", "\"BlockType\": \"two\""))
                  .find("MCL Notebooks[0].Blocks[1].BlockType: expected an integer, got string"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Disabled\": false", "\"Disabled\": 0"))
                  .find("MCL Notebooks[0].Blocks[0].Disabled: expected true or false, got number"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Blocks\": [", "\"Blocks\": {\"a\": 1}, \"X\": ["))
                  .find("MCL Notebooks[0].Blocks: expected an array, got object"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Title\": \"Bed Assignment\"", "\"Title\": 5"))
                  .find("MCL Notebooks[0].Blocks[1].Title: expected a string, got number"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Id\": \"44444444-4444-4444-4444-444444444444\",", ""))
                  .find("MCL Notebooks[0].Blocks[1].Id: missing"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"Id\": \"22222222", "\"ID\": \"x\", \"id\": \"22222222"))
                  .find("MCL Notebooks[0].Blocks[0].Id: the key occurs twice (ignoring case)"),
              std::string::npos);
}

TEST(MclReader, SettingsThatAreNotJsonNameTheBlock) {
    const std::string message =
        read_error(edited("\"OperatorSettings\": \"{\\r\\n  \\\"StageName\\\"",
                          "\"OperatorSettings\": \"oops {\\r\\n  \\\"StageName\\\""));
    EXPECT_NE(message.find("MCL Notebooks[0].Blocks[1].OperatorSettings: the settings of block "
                           "'Bed Assignment' (44444444-4444-4444-4444-444444444444) are not JSON"),
              std::string::npos)
        << message;
    EXPECT_NE(read_error(edited("\"ExtraOptions\": \"{", "\"ExtraOptions\": \"{,"))
                  .find("MCL Notebooks[0].NotebookDashboard.Panels[0].ExtraOptions"),
              std::string::npos);
    EXPECT_NE(read_error(edited("\"OperatorSettings\": \"{", "\"OperatorSettings\": 3, \"x\": \"{"))
                  .find("OperatorSettings: expected a string holding JSON, got number"),
              std::string::npos);
}

TEST(MclReader, CommentsAndByteOrderMarkAreAllowed) {
    const McDocument document = read_mcl(kNotebook);
    EXPECT_EQ(read_mcl("// MCL configuration\n" + kNotebook), document);
    EXPECT_EQ(read_mcl("\xEF\xBB\xBF" + kNotebook), document);
}

}  // namespace
}  // namespace pmstudio::importers
