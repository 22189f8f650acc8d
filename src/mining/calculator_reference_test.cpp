// The process calculators, run as blocks (both configuration dialects where the catalog has a
// simple form) on the shared logs, against the figures PM4Py 2.7 computes on them
// (../shared/data/reference/*.json): all events and, where the reference has them, complete
// events only.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mining/attribute_filter.h"
#include "mining/operator_test_support.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;
using Counts = std::map<std::string, uint64_t>;
using Edge = std::pair<std::string, std::string>;

constexpr double kMillisecond = 1e-3;  // in seconds

struct Section {
    const char* name;
    LogView view;
    nlohmann::json reference;
};

std::vector<Section> sections_of(const SharedLog& shared) {
    const nlohmann::json reference = shared_reference(shared);
    const LogView all(load_shared_log(shared));
    std::vector<Section> out = {{"all_events", all, reference["all_events"]}};
    if (reference.contains("complete_only")) {
        out.push_back(
            {"complete_only",
             filter_events_by_attribute(
                 all, {"lifecycle:transition", CompareMethod::IsOneOf, {"complete", "COMPLETE"}}),
             reference["complete_only"]});
    }
    return out;
}

// Column `value` by column `key` of every row.
Counts counts_by(const ResultTable& table, std::string_view key, std::string_view value) {
    const size_t k = column_index(table, key);
    const size_t v = column_index(table, value);
    Counts out;
    for (const auto& row : table.rows) out[row[k].get<std::string>()] = row[v].get<uint64_t>();
    return out;
}

int64_t instant(const std::string& text) {
    return *parse_datetime_micros(text);
}

class CalculatorReferenceTest : public testing::TestWithParam<SharedLog> {};

TEST_P(CalculatorReferenceTest, ProcessMapMatchesDiscoverDfg) {
    for (const Section& section : sections_of(GetParam())) {
        SCOPED_TRACE(section.name);
        const nlohmann::json& reference = section.reference;
        const auto output =
            run_block("CalculatorProcessFollows", "{}", AnalysisState(section.view));

        const ResultTable& edges = table_named(output, "Edges");
        std::map<Edge, uint64_t> counts;
        std::map<Edge, double> means;
        uint64_t previous_count = UINT64_MAX;
        for (const auto& row : edges.rows) {
            const Edge edge{row[0].get<std::string>(), row[1].get<std::string>()};
            counts[edge] = row[2].get<uint64_t>();
            means[edge] = row[4].get<double>();
            EXPECT_LE(counts[edge], previous_count) << "most frequent first";
            previous_count = counts[edge];
            EXPECT_LE(row[3].get<uint64_t>(), counts[edge]) << "case count";
            EXPECT_LE(row[5].get<double>(), row[6].get<double>()) << "median <= max";
        }
        std::map<Edge, uint64_t> expected_counts;
        for (const auto& edge : reference["dfg"]) {
            expected_counts[{edge[0], edge[1]}] = edge[2].get<uint64_t>();
        }
        EXPECT_EQ(counts, expected_counts);
        ASSERT_EQ(means.size(), reference["performance_dfg_mean_s"].size());
        for (const auto& edge : reference["performance_dfg_mean_s"]) {
            const Edge names{edge[0], edge[1]};
            EXPECT_NEAR(means[names], edge[2].get<double>(), kMillisecond)
                << names.first << " -> " << names.second;
        }

        const ResultTable& nodes = table_named(output, "Nodes");
        EXPECT_EQ(counts_by(nodes, "Activity", "Count"), reference["activities"].get<Counts>());
        EXPECT_EQ(counts_by(nodes, "Activity", "Case Count"),
                  reference["activity_case_counts"].get<Counts>());
        const auto starts = reference["start_activities"].get<Counts>();
        const auto ends = reference["end_activities"].get<Counts>();
        for (const auto& row : nodes.rows) {
            const auto activity = row[0].get<std::string>();
            EXPECT_EQ(row[3].get<bool>(), starts.contains(activity)) << activity;
            EXPECT_EQ(row[4].get<bool>(), ends.contains(activity)) << activity;
        }
        EXPECT_EQ(counts_by(table_named(output, "StartActivities"), "Activity", "Count"), starts);
        EXPECT_EQ(counts_by(table_named(output, "EndActivities"), "Activity", "Count"), ends);
        EXPECT_EQ(table_named(output, "Variants").rows.size(), reference["variants"].get<size_t>());
        EXPECT_EQ(cell_of(table_named(output, "Durations"), "Edge Duration"), "EndToEnd");
    }
}

TEST_P(CalculatorReferenceTest, VariantsMatchReference) {
    for (const Section& section : sections_of(GetParam())) {
        SCOPED_TRACE(section.name);
        const nlohmann::json& reference = section.reference;
        const auto output = run_block("CalculatorVariants", "{}", AnalysisState(section.view));
        const ResultTable& variants = table_named(output, "Variants");
        ASSERT_EQ(variants.rows.size(), reference["variants"].get<size_t>());
        Counts by_trace;
        uint64_t cases = 0;
        for (const auto& row : variants.rows) {
            by_trace[row[1].get<std::string>()] = row[2].get<uint64_t>();
            cases += row[2].get<uint64_t>();
        }
        EXPECT_EQ(cases, reference["cases"].get<uint64_t>());
        const nlohmann::json& top = reference["top_variants"];
        for (size_t i = 0; i < top.size(); ++i) {
            std::string trace;
            for (const auto& activity : top[i]["trace"]) {
                trace += (trace.empty() ? "" : " -> ") + activity.get<std::string>();
            }
            EXPECT_EQ(by_trace[trace], top[i]["count"].get<uint64_t>()) << trace;
            // The most frequent first (the reference may order ties differently).
            EXPECT_EQ(variants.rows[i][2].get<uint64_t>(), top[i]["count"].get<uint64_t>());
        }
        const auto top_three =
            run_block("CalculatorVariants", R"({"TopN": 3})", AnalysisState(section.view));
        EXPECT_EQ(table_named(top_three, "Variants").rows.size(), std::min<size_t>(3, top.size()));
    }
}

TEST_P(CalculatorReferenceTest, CaseDurationMatchesReferenceInBothDialects) {
    for (const Section& section : sections_of(GetParam())) {
        SCOPED_TRACE(section.name);
        const nlohmann::json& expected = section.reference["case_duration_s"];
        const AnalysisState state(section.view);
        for (const auto& [name, configuration] :
             {std::pair{"CalculatorCaseDuration", R"({"Unit": 1, "Aggregation": 6})"},
              std::pair{"", R"({"calculationType": "duration", "unit": "seconds",
                                "aggregation": "max"})"}}) {
            SCOPED_TRACE(configuration);
            const ResultTable& statistics = block_table(name, configuration, state, "Statistics");
            EXPECT_EQ(cell_of(statistics, "Count").get<double>(),
                      section.reference["cases"].get<double>());
            EXPECT_NEAR(cell_of(statistics, "Mean").get<double>(), expected["mean"], kMillisecond);
            EXPECT_NEAR(cell_of(statistics, "Median").get<double>(), expected["median"],
                        kMillisecond);
            EXPECT_NEAR(cell_of(statistics, "Min").get<double>(), expected["min"], kMillisecond);
            EXPECT_NEAR(cell_of(statistics, "Max").get<double>(), expected["max"], kMillisecond);
            EXPECT_NEAR(cell_of(statistics, "Aggregate").get<double>(), expected["max"],
                        kMillisecond);
        }
        // The defaults: days, the mean.
        const ResultTable& days = block_table(
            "DurationCalculator", R"({"calculationType": "duration"})", state, "Statistics");
        EXPECT_NEAR(cell_of(days, "Aggregate").get<double>() * 86'400, expected["mean"],
                    kMillisecond);
    }
}

TEST_P(CalculatorReferenceTest, FrequenciesMatchReferenceInBothDialects) {
    for (const Section& section : sections_of(GetParam())) {
        SCOPED_TRACE(section.name);
        const nlohmann::json& reference = section.reference;
        const AnalysisState state(section.view);
        const std::string& activity_column = section.view.log().metadata.activity_column;
        for (const auto& [name, configuration] :
             {std::pair{"CalculatorActivityFrequency", "{}"},
              std::pair{"", R"({"calculationType": "frequency", "groupBy": "activity"})"}}) {
            const ResultTable& activities = block_table(name, configuration, state, "Activities");
            EXPECT_EQ(counts_by(activities, activity_column, "Count"),
                      reference["activities"].get<Counts>());
            EXPECT_EQ(counts_by(activities, activity_column, "Case Count"),
                      reference["activity_case_counts"].get<Counts>());
        }
        const std::string& resource_column = section.view.log().metadata.resource_column;
        for (const auto& [name, configuration] :
             {std::pair{"CalculatorResourceFrequency", "{}"},
              std::pair{"", R"({"calculationType": "frequency", "groupBy": "resource"})"}}) {
            const ResultTable& resources = block_table(name, configuration, state, "Resources");
            EXPECT_EQ(counts_by(resources, resource_column, "Count"),
                      reference["resources"].get<Counts>());
        }
    }
}

TEST_P(CalculatorReferenceTest, DataInformationMatchesReference) {
    for (const Section& section : sections_of(GetParam())) {
        SCOPED_TRACE(section.name);
        const nlohmann::json& reference = section.reference;
        const ResultTable& values =
            block_table("CalculatorDataInformation", "{}", AnalysisState(section.view), "Values");
        EXPECT_EQ(cell_of(values, "Total Case Count").get<size_t>(),
                  reference["cases"].get<size_t>());
        EXPECT_EQ(cell_of(values, "Total Activity Count").get<size_t>(),
                  reference["events"].get<size_t>());
        EXPECT_EQ(cell_of(values, "Activities").get<size_t>(), reference["activities"].size());
        EXPECT_EQ(cell_of(values, "Variants").get<size_t>(), reference["variants"].get<size_t>());
        EXPECT_EQ(cell_of(values, "Resources").get<size_t>(), reference["resources"].size());
        const int64_t first = instant(reference["first_timestamp"].get<std::string>());
        const int64_t last = instant(reference["last_timestamp"].get<std::string>());
        EXPECT_EQ(instant(cell_of(values, "Start Dataset Time").get<std::string>()), first);
        EXPECT_EQ(instant(cell_of(values, "End Dataset Time").get<std::string>()), last);
        EXPECT_NEAR(cell_of(values, "Dataset Timespan").get<double>(),
                    static_cast<double>(last - first) / 1e6, kMillisecond);
        EXPECT_NEAR(cell_of(values, "Average Case Time").get<double>(),
                    reference["case_duration_s"]["mean"], kMillisecond);
        EXPECT_NEAR(cell_of(values, "Median Case Time").get<double>(),
                    reference["case_duration_s"]["median"], kMillisecond);
    }
}

INSTANTIATE_TEST_SUITE_P(SharedLogs, CalculatorReferenceTest, testing::ValuesIn(kSharedLogs),
                         [](const testing::TestParamInfo<SharedLog>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
}  // namespace pmstudio::mining
