#include "importers/json_table_source.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "importers/table_source_test_rows.h"

namespace pmstudio::importers {
namespace {

namespace fs = std::filesystem;
using table_test::Row;
using table_test::rows_of;

class JsonTableSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = fs::temp_directory_path() /
                ("pmstudio-json-" + std::to_string(getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json");
    }
    void TearDown() override { fs::remove(path_); }

    JsonTableSource open(const std::string& json, const std::vector<JsonMapping>& mappings = {}) {
        std::ofstream(path_, std::ios::binary) << json;
        return JsonTableSource(path_.string(), mappings, report_);
    }

    int status_of(const std::string& json, const std::vector<JsonMapping>& mappings = {}) {
        try {
            open(json, mappings);
        } catch (const ImportError& e) {
            message_ = e.what();
            return e.status();
        }
        return 0;
    }

    fs::path path_;
    ImportReport report_;
    std::string message_;
};

TEST_F(JsonTableSourceTest, FlatArrayFlattensObjectsAndKeepsArraysAsText) {
    auto source = open(R"([
        {"caseId": "PO-001", "activity": "Create Order", "timestamp": "2024-01-15T09:00:00Z",
         "order": {"amount": 1500.5, "lines": [1, 2], "supplier": {"name": "ACME"}}},
        {"caseId": "PO-001", "activity": "Approve", "urgent": true, "resource": null,
         "order": {"amount": 7}, "id": 12345678901234567890, "big": -9007199254740993}
    ])");
    EXPECT_EQ(source.header(), (std::vector<std::string>{
                                   "caseId", "activity", "timestamp", "order.amount", "order.lines",
                                   "order.supplier.name", "urgent", "resource", "id", "big"}));
    EXPECT_EQ(rows_of(source),
              (std::vector<Row>{{"'PO-001'", "'Create Order'", "'2024-01-15T09:00:00Z'", "1500.5",
                                 "'[1,2]'", "'ACME'", "-", "-", "-", "-"},
                                {"'PO-001'", "'Approve'", "-", "7", "-", "-", "true", "-",
                                 "'12345678901234567890'", "'-9007199254740993'"}}));
    EXPECT_EQ(source.row_number(), 2);
    EXPECT_EQ(source.bytes_read(), source.bytes_total());
}

TEST_F(JsonTableSourceTest, NestedCasesRepeatCasePropertiesOnEveryEvent) {
    auto source = open(R"({"cases": [
        {"caseId": "PO-001", "customer": {"tier": "gold"}, "events": [
            {"activity": "Create", "timestamp": "2024-01-15T09:00:00Z"},
            {"activity": "Approve", "timestamp": "2024-01-15T10:00:00Z", "customer.tier": "vip"}
        ]},
        {"events": [{"activity": "Create"}], "caseId": "PO-002", "events_seen": 1},
        {"caseId": "PO-003", "events": []}
    ]})");
    EXPECT_EQ(source.header(), (std::vector<std::string>{"caseId", "customer.tier", "activity",
                                                         "timestamp", "events_seen"}));
    EXPECT_EQ(rows_of(source),
              (std::vector<Row>{
                  {"'PO-001'", "'gold'", "'Create'", "'2024-01-15T09:00:00Z'", "-"},
                  {"'PO-001'", "'vip'", "'Approve'", "'2024-01-15T10:00:00Z'", "-"},
                  {"'PO-002'", "-", "'Create'", "-", "1"},
              }));
}

TEST_F(JsonTableSourceTest, MappingSelectsRenamesAndForcesTypes) {
    const auto mappings = parse_json_mapping(R"({"schema": "nested", "mapping": [
        {"jsonPath": "$.cases[*].caseId", "targetColumn": "CaseID", "dataType": "string"},
        {"jsonPath": "$.cases[*].events[*].activity", "targetColumn": "Activity"},
        {"jsonPath": "$['when']", "targetColumn": "Timestamp", "dataType": "DateTime"},
        {"jsonPath": "$.order.count", "targetColumn": "Count", "dataType": "integer"},
        {"jsonPath": "order.price", "targetColumn": "Price", "dataType": "double"},
        {"jsonPath": "$.ok", "targetColumn": "Ok", "dataType": "boolean"}
    ]})");
    auto source = open(R"({"cases": [{"caseId": 42, "events": [
        {"activity": "A", "when": "2024-01-15", "order": {"count": "7", "price": "1.5"},
         "ok": "yes", "ignored": 1},
        {"activity": "B", "when": 5, "order": {"count": 2.5, "price": 3}, "ok": 0},
        {"activity": "C", "order": {"count": 3, "price": "cheap"}, "ok": "maybe"}
    ]}]})",
                       mappings);
    EXPECT_EQ(source.header(), (std::vector<std::string>{"CaseID", "Activity", "Timestamp", "Count",
                                                         "Price", "Ok"}));
    EXPECT_EQ(rows_of(source), (std::vector<Row>{
                                   {"'42'", "'A'", "'2024-01-15'", "7", "1.5", "true"},
                                   {"'42'", "'B'", "-", "-", "3", "false"},
                                   {"'42'", "'C'", "-", "3", "-", "-"},
                               }));
    ASSERT_EQ(report_.invalid_values(), 4);
    EXPECT_EQ(report_.issues()[0].row_index, 2);
    EXPECT_EQ(report_.issues()[0].column_name, "Timestamp");
    EXPECT_EQ(report_.issues()[0].message, "Value 5 is not a valid datetime");
    EXPECT_EQ(report_.issues()[1].message, "Value 2.5 is not a valid integer");
    EXPECT_EQ(report_.issues()[2].message, "Value \"cheap\" is not a valid double");
    EXPECT_EQ(report_.issues()[3].column_name, "Ok");
}

TEST_F(JsonTableSourceTest, MappingParserRejectsWhatItCannotRead) {
    const auto plain = parse_json_mapping(R"([{"jsonPath": "$.caseId"}])");
    ASSERT_EQ(plain.size(), 1u);
    EXPECT_EQ(plain[0].property, "caseId");
    EXPECT_EQ(plain[0].target_column, "caseId");
    EXPECT_EQ(plain[0].data_type, JsonDataType::Natural);
    for (const char* bad :
         {R"(not json)", R"({"mapping": 1})", R"([{"targetColumn": "X"}])",
          R"([{"jsonPath": "$.a", "dataType": "money"}])", R"([{"jsonPath": "$..a"}])",
          R"([{"jsonPath": "$.a[0]"}])", R"([{"jsonPath": "$"}])"}) {
        try {
            parse_json_mapping(bad);
            ADD_FAILURE() << bad;
        } catch (const ImportError& e) {
            EXPECT_EQ(e.status(), 400) << bad;
        }
    }
    EXPECT_EQ(status_of("[]", parse_json_mapping(R"([{"jsonPath": "$.a", "targetColumn": "X"},
                                                    {"jsonPath": "$.b", "targetColumn": "X"}])")),
              400);
    EXPECT_EQ(message_, "Invalid JSON mapping: targetColumn 'X' is used twice");
}

TEST_F(JsonTableSourceTest, RejectsMalformedJsonAndOtherShapes) {
    EXPECT_EQ(status_of(R"([{"caseId": "1",}])"), 400);
    EXPECT_TRUE(message_.starts_with("Invalid JSON file: ")) << message_;
    EXPECT_EQ(status_of(""), 400);
    EXPECT_EQ(status_of(R"({"events": []})"), 400);
    EXPECT_EQ(message_,
              "Invalid JSON file: expected an array of events or an object with \"cases\"");
    EXPECT_EQ(status_of(R"([{"a": 1}, 2])"), 400);
    EXPECT_EQ(message_, "Invalid JSON file: each event must be an object");
    EXPECT_EQ(status_of(R"({"cases": [{"events": {}}]})"), 400);
    EXPECT_EQ(status_of("\xEF\xBB\xBF[{\"a\": 1}]"), 0);
    EXPECT_EQ(status_of("[]"), 0);
}

}  // namespace
}  // namespace pmstudio::importers
