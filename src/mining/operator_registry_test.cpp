#include "mining/operator_registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "mining/block_validator.h"
#include "mining/operator_catalog.h"

namespace pmstudio::mining {
namespace {

using Config = nlohmann::json;

const Json& operators() {
    return operator_catalog().at("operators");
}

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool known_type(const std::string& type) {
    static const std::set<std::string> scalar = {"any",      "string",   "column",    "integer",
                                                 "number",   "boolean",  "object",    "datetime",
                                                 "timespan", "jsonText", "filterList"};
    return scalar.contains(type) || find_object_type(type) != nullptr;
}

void expect_valid_schema(const std::string& where, const Json& settings) {
    std::set<std::string> names;
    for (const auto& setting : settings) {
        const auto name = setting.at("name").get<std::string>();
        EXPECT_TRUE(names.insert(lower(name)).second) << where << ": duplicate " << name;
        const auto type = setting.at("type").get<std::string>();
        if (type == "enum") {
            ASSERT_TRUE(setting.contains("enum")) << where << "." << name;
            EXPECT_NE(find_enumeration(setting.at("enum").get<std::string>()), nullptr)
                << where << "." << name;
        } else if (type == "array") {
            ASSERT_TRUE(setting.contains("items")) << where << "." << name;
            EXPECT_TRUE(known_type(setting.at("items").get<std::string>())) << where << "." << name;
        } else {
            EXPECT_TRUE(known_type(type)) << where << "." << name << ": " << type;
        }
    }
}

TEST(OperatorRegistryTest, NamesAndSimpleDialectNamesAreUnique) {
    std::set<std::string> names;
    for (const auto& spec : operators()) {
        EXPECT_TRUE(names.insert(lower(spec.at("name").get<std::string>())).second)
            << spec.at("name");
        for (const auto& form : simple_forms(spec))
            for (const auto& alias : form.at("names"))
                EXPECT_TRUE(names.insert(lower(alias.get<std::string>())).second) << alias;
    }
    EXPECT_GE(operators().size(), 44u);
}

TEST(OperatorRegistryTest, EveryOperatorHasAValidSchema) {
    const auto& result_kinds = operator_catalog().at("resultKinds");
    for (const auto& spec : operators()) {
        const auto name = spec.at("name").get<std::string>();
        EXPECT_TRUE(block_type_id(spec.at("blockType").get<std::string>()).has_value()) << name;
        EXPECT_FALSE(spec.at("displayName").get<std::string>().empty()) << name;
        EXPECT_FALSE(spec.at("description").get<std::string>().empty()) << name;
        EXPECT_TRUE(result_kinds.contains(spec.at("result").at("kind").get<std::string>())) << name;
        expect_valid_schema(name, spec.at("settings"));
        for (const auto& form : simple_forms(spec)) {
            EXPECT_FALSE(form.at("when").empty()) << name;
            EXPECT_FALSE(form.at("names").empty()) << name;
            if (form.contains("settings")) expect_valid_schema(name, form.at("settings"));
        }
        // Every default must itself pass validation.
        for (const auto& setting : spec.at("settings")) {
            if (!setting.contains("default")) continue;
            const auto setting_name = setting.at("name").get<std::string>();
            Config configuration = {{setting_name, Config::parse(setting.at("default").dump())}};
            for (const auto& error : validate_block(name, configuration))
                EXPECT_EQ(error.find("'" + setting_name + "'"), std::string::npos) << error;
        }
    }
    for (const auto& [name, properties] : operator_catalog().at("objectTypes").items())
        expect_valid_schema(name, properties);
}

TEST(OperatorRegistryTest, DiscoveryListsEveryOperator) {
    const Json discovery = discovery_json();
    ASSERT_EQ(discovery.at("operators").size(), operators().size());
    std::set<std::string> listed_by_type;
    for (const auto& type : discovery.at("blockTypes"))
        for (const auto& name : type.at("operators"))
            listed_by_type.insert(name.get<std::string>());
    EXPECT_EQ(listed_by_type.size(), operators().size());
    for (const auto& entry : discovery.at("operators")) {
        for (const char* key : {"blockType", "blockTypeId", "name", "displayName", "description",
                                "settings", "result", "simpleForms"})
            EXPECT_TRUE(entry.contains(key)) << entry.at("name") << " lacks " << key;
        for (const auto& setting : entry.at("settings")) {
            for (const char* key : {"name", "type", "required", "default"})
                EXPECT_TRUE(setting.contains(key)) << entry.at("name") << "." << setting.at("name");
            if (setting.at("type") == "enum") {
                EXPECT_FALSE(setting.at("allowedValues").empty());
            }
        }
    }
    const auto& filter = discovery.at("operators").at(0);
    EXPECT_EQ(filter.at("name"), "FilterAttribute");
    EXPECT_EQ(filter.at("blockTypeId"), 1);
    EXPECT_EQ(filter.at("settings").at(1).at("allowedValues").size(), 16u);
    EXPECT_EQ(block_type_id("Calculator"), 2);
    EXPECT_EQ(block_type_id("Selector"), 3);
    EXPECT_TRUE(discovery.at("enumerations").contains("CompareMethod"));
}

TEST(OperatorRegistryTest, ResolvesStudioAndSimpleDialectNames) {
    auto activity = resolve_operator_name("ActivityFilter");
    ASSERT_TRUE(activity);
    EXPECT_EQ(activity->spec->at("name"), "FilterActivities");
    EXPECT_NE(activity->simple_form, nullptr);
    auto duration = resolve_operator_name("durationcalculator");
    ASSERT_TRUE(duration);
    EXPECT_EQ(duration->spec->at("name"), "CalculatorCaseDuration");
    auto studio = resolve_operator_name("filterattribute");
    ASSERT_TRUE(studio);
    EXPECT_EQ(studio->spec->at("name"), "FilterAttribute");
    EXPECT_EQ(studio->simple_form, nullptr);
    EXPECT_FALSE(resolve_operator_name("FilterMagic"));
}

// Every block of the real mindzieStudio exports: Studio settings are JSON-in-JSON strings.
TEST(OperatorValidationTest, EveryMclExampleBlockValidates) {
    const std::filesystem::path directory = PMSTUDIO_SHARED_DATA_DIR "/../spec/mcl-examples";
    int blocks_seen = 0;
    for (const auto& file : std::filesystem::directory_iterator(directory)) {
        std::ifstream in(file.path());
        const Config mcl = Config::parse(in);
        std::vector<Config> blocks;
        auto collect = [&](const Config& list) {
            if (list.is_array()) blocks.insert(blocks.end(), list.begin(), list.end());
        };
        collect(mcl.value("Blocks", Config()));
        collect(mcl.value("EnrichmentBlocks", Config()));
        for (const auto& notebook : mcl.value("Notebooks", Config::array())) {
            collect(notebook.value("Blocks", Config()));
            collect(notebook.value("DashboardBlocks", Config()));
        }
        for (const auto& block : blocks) {
            const auto name = block.at("OperatorTypeName").get<std::string>();
            const auto check = check_block(name, block.at("OperatorSettings"));
            EXPECT_TRUE(check.errors.empty())
                << file.path().filename() << " " << name << ": " << check.errors.front();
            if (block.contains("BlockType") && check.match.spec != nullptr) {
                EXPECT_EQ(block.at("BlockType").get<int>(),
                          block_type_id(check.match.spec->at("blockType").get<std::string>()))
                    << name;
            }
            ++blocks_seen;
        }
    }
    EXPECT_GE(blocks_seen, 38);
}

TEST(OperatorValidationTest, ApiReferenceSimpleExamplesValidate) {
    const std::vector<std::pair<std::string, std::string>> examples = {
        {"",
         R"({"filterType": "dateRange", "startDate": "2024-01-01T00:00:00Z",
             "endDate": "2024-01-31T23:59:59Z", "dateField": "timestamp"})"},
        {"", R"({"filterType": "activity", "include": ["Order Created", "Payment Processed"],
                 "exclude": ["System Log"]})"},
        {"", R"({"filterType": "caseAttribute", "attribute": "customerType",
                 "operator": "equals", "value": "Premium"})"},
        {"", R"({"filterType": "dateRange", "startDate": "2024-01-01"})"},
        {"", R"({"calculationType": "duration", "startActivity": "Order Created",
                 "endActivity": "Order Completed", "unit": "hours", "aggregation": "average"})"},
        {"", R"({"calculationType": "frequency", "groupBy": "activity", "timeWindow": "daily",
                 "metric": "count"})"},
        {"", R"({"calculationType": "custom", "formula": "(completedCases / totalCases) * 100",
                 "resultUnit": "percentage", "name": "Completion Rate"})"},
        {"", R"({"alertType": "threshold", "metric": "caseDuration", "operator": "greaterThan",
                 "threshold": 48, "unit": "hours", "severity": "high"})"},
        {"",
         R"({"alertType": "patternDeviation", "baselinePattern": "Order -> Payment -> Fulfillment",
                 "deviationTolerance": 0.1, "minOccurrences": 10})"},
        {"", R"({"alertType": "compliance", "rule": "approvalRequired",
                 "condition": "amount > 1000", "requiredActivity": "Manager Approval"})"},
        {"ActivityFilter", R"({"activities": ["Create Order", "Approve", "Ship"]})"},
        {"DurationCalculator", R"({"unit": "days"})"},
        {"DurationCalculator", ""},
    };
    for (const auto& [name, text] : examples) {
        const Config configuration = text.empty() ? Config() : Config::parse(text);
        const auto check = check_block(name, configuration);
        EXPECT_TRUE(check.errors.empty()) << text << ": " << check.errors.front();
        EXPECT_NE(check.match.spec, nullptr) << text;
        // The API carries the configuration as a string: the same must hold.
        if (!text.empty()) {
            EXPECT_TRUE(validate_block(name, Config(text)).empty()) << text;
        }
    }
    EXPECT_EQ(check_block("", Config::parse(R"({"calculationType": "frequency",
        "groupBy": "resource"})"))
                  .match.spec->at("name"),
              "CalculatorResourceFrequency");
}

TEST(OperatorValidationTest, UnknownOperatorIsOneError) {
    EXPECT_EQ(validate_block("FilterMagic", Config::object()),
              std::vector<std::string>{"Unknown operator 'FilterMagic'"});
    EXPECT_EQ(validate_block("", Config::object()),
              std::vector<std::string>{"The block names no operator: give operatorName or "
                                       "filterType, calculationType or alertType"});
}

TEST(OperatorValidationTest, WrongTypesNameTheSetting) {
    const auto errors = validate_block(
        "FilterAttribute",
        Config::parse(R"({"ColumnName": 5, "RemoveFilter": "yes", "CompareArray": "a"})"));
    EXPECT_EQ(errors, (std::vector<std::string>{
                          "Setting 'ColumnName' of FilterAttribute must be a column name, got 5",
                          "Setting 'CompareArray' of FilterAttribute must be an array, got 'a'",
                          "Setting 'RemoveFilter' of FilterAttribute must be true or false, got "
                          "'yes'"}));
    EXPECT_EQ(validate_block("FilterActivities", Config::parse(R"({"ActivityNames": ["A", 3]})")),
              std::vector<std::string>{
                  "Setting 'ActivityNames[1]' of FilterActivities must be a string, got 3"});
    EXPECT_EQ(validate_block("CalculatorCaseStage",
                             Config::parse(R"({"StageName": "S", "TimeColumnName": "T",
                                              "MediumThreshold": "soon"})")),
              std::vector<std::string>{"Setting 'MediumThreshold' of CalculatorCaseStage must be "
                                       "a timespan ([d.]hh:mm:ss or seconds), got 'soon'"});
    EXPECT_EQ(validate_block("", Config::parse(R"({"filterType": "dateRange",
                                                   "startDate": "yesterday"})")),
              std::vector<std::string>{"Setting 'startDate' of FilterDate must be an ISO 8601 "
                                       "date or date-time, got 'yesterday'"});
}

TEST(OperatorValidationTest, EnumerationValuesOutOfRange) {
    EXPECT_EQ(validate_block("FilterAttribute",
                             Config::parse(R"({"ColumnName": "x", "CompareMethod": 42})")),
              std::vector<std::string>{
                  "Setting 'CompareMethod' of FilterAttribute must be one of 1..16, got 42"});
    EXPECT_EQ(
        validate_block("FilterDate", Config::parse(R"({"StartDateSelection": {"Variable": 5}})")),
        std::vector<std::string>{"Setting 'StartDateSelection.Variable' of FilterDate must "
                                 "be one of 0, 1, 2, 3, 4, 11, 12, 13, 14, 21, got 5"});
    EXPECT_EQ(validate_block("FilterActivities",
                             Config::parse(R"({"ActivityNames": [], "Mode": "KeepSome"})")),
              std::vector<std::string>{
                  "Setting 'Mode' of FilterActivities must be one of KeepCasesWithAny, "
                  "KeepCasesWithAll, KeepCasesWithNone, KeepOnlyTheseEvents, RemoveTheseEvents, "
                  "got 'KeepSome'"});
    EXPECT_EQ(validate_block("", Config::parse(R"({"filterType": "nonsense"})")),
              std::vector<std::string>{"Setting 'filterType' must be one of caseAttribute, "
                                       "dateRange, activity, got 'nonsense'"});
    EXPECT_EQ(validate_block("", Config::parse(R"({"calculationType": "frequency"})")),
              std::vector<std::string>{
                  "Setting 'groupBy' must be one of activity, resource, got nothing"});
    EXPECT_EQ(validate_block("ActivityFilter", Config::parse(R"({"filterType": "dateRange"})")),
              std::vector<std::string>{"Operator 'ActivityFilter' does not match the "
                                       "configuration, which selects FilterDate"});
}

TEST(OperatorValidationTest, MissingRequiredSettings) {
    EXPECT_EQ(validate_block("FilterAttribute", Config::parse(R"({"ColumnName": null})")),
              std::vector<std::string>{"Setting 'ColumnName' of FilterAttribute is required"});
    EXPECT_EQ(
        validate_block("", Config::parse(R"({"alertType": "threshold", "metric": "caseCount"})")),
        std::vector<std::string>{"Setting 'Threshold' of AlertThreshold is required"});
    EXPECT_EQ(validate_block("FilterAttribute", Config("not json")),
              std::vector<std::string>{"The configuration must be a JSON object"});
}

TEST(OperatorValidationTest, KeysAreCaseInsensitiveAndExtrasAllowed) {
    EXPECT_TRUE(
        validate_block("filterattribute", Config::parse(R"({"columnname": "x", "COMPAREMETHOD": 2,
                                                "Whatever": [1, 2]})"))
            .empty());
    EXPECT_TRUE(validate_block("", Config::parse(R"({"FILTERTYPE": "CaseAttribute",
                                                    "Attribute": "a", "Operator": "EQUALS"})"))
                    .empty());
}

TEST(OperatorValidationTest, NestedFilterListsAreValidated) {
    Config stage = {{"StageName", "S"}, {"TimeColumnName", "T"}};
    stage["FilterListSettings"] =
        Config({{"FilterSettingsList",
                 {{{"OperatorName", "FilterAttribute"}, {"JsonText", R"({"ColumnName": "x",
                                                              "CompareMethod": 99})"}},
                  {{"OperatorName", "CalculatorCaseCount"}, {"JsonText", "{}"}}}}})
            .dump();
    EXPECT_EQ(validate_block("CalculatorCaseStage", stage),
              (std::vector<std::string>{
                  "Setting 'FilterListSettings[0]' of CalculatorCaseStage is invalid: Setting "
                  "'CompareMethod' of FilterAttribute must be one of 1..16, got 99",
                  "Setting 'FilterListSettings[1]' of CalculatorCaseStage must be a filter, got "
                  "CalculatorCaseCount"}));
}

}  // namespace
}  // namespace pmstudio::mining
