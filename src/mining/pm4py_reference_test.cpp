// The figures of mining/ and eventlog/ views on the shared logs against what PM4Py 2.7 computes on
// them (../shared/data/reference/*.json): every figure of the "all_events" and "complete_only"
// sections, and the two recorded filters.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "eventlog/calculated_attributes.h"
#include "eventlog/case_variants.h"
#include "eventlog/log_view.h"
#include "importers/csv_reader.h"
#include "importers/culture_value_parser.h"
#include "importers/reference_figures_test_support.h"
#include "importers/xes_reader.h"
#include "mining/activity_filter.h"
#include "mining/attribute_filter.h"
#include "mining/case_durations.h"
#include "mining/date_filter.h"
#include "mining/directly_follows.h"
#include "mining/frequencies.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {
namespace {

using eventlog::EventLog;
using eventlog::LogView;
using Json = nlohmann::json;
using Counts = std::map<std::string, uint64_t>;
using Edge = std::pair<std::string, std::string>;

constexpr double kMillisecond = 1e-3;  // in seconds

int64_t instant(const Json& text) {
    const importers::CultureValueParser iso(*importers::find_culture("invariant"), "UTC");
    return *iso.parse_datetime(text.get<std::string>());
}

// Non-zero counts by name.
Counts named(const std::vector<std::string>& names, const std::vector<uint64_t>& counts) {
    Counts out;
    for (size_t code = 0; code < counts.size(); ++code) {
        if (counts[code] != 0) out[names[code]] = counts[code];
    }
    return out;
}

void expect_frequencies(const LogView& view, const Json& reference) {
    const EventLog& log = view.log();
    EXPECT_EQ(view.event_count(), reference["events"].get<size_t>());
    EXPECT_EQ(view.case_count(), reference["cases"].get<size_t>());
    const CodeFrequencies activities = activity_frequencies(view);
    EXPECT_EQ(named(log.activities, activities.events), reference["activities"].get<Counts>());
    EXPECT_EQ(named(log.activities, activities.cases),
              reference["activity_case_counts"].get<Counts>());
    EXPECT_EQ(named(log.resources, resource_frequencies(view).events),
              reference["resources"].get<Counts>());
    const EndpointActivities endpoints = endpoint_activities(view);
    EXPECT_EQ(named(log.activities, endpoints.start), reference["start_activities"].get<Counts>());
    EXPECT_EQ(named(log.activities, endpoints.end), reference["end_activities"].get<Counts>());
}

void expect_directly_follows(const LogView& view, const Json& reference) {
    const EventLog& log = view.log();
    std::map<Edge, uint64_t> counts;
    std::map<Edge, double> means;
    uint64_t total = 0;
    for (const DirectlyFollowsEdge& edge : directly_follows(view)) {
        const Edge names{log.activities[edge.from], log.activities[edge.to]};
        counts[names] = edge.count;
        means[names] = edge.mean_seconds;
        total += edge.count;
    }
    std::map<Edge, uint64_t> expected_counts;
    for (const Json& edge : reference["dfg"]) {
        expected_counts[{edge[0], edge[1]}] = edge[2].get<uint64_t>();
    }
    EXPECT_EQ(counts, expected_counts);
    EXPECT_EQ(counts.size(), reference["dfg_edges"].get<size_t>());
    EXPECT_EQ(total, reference["dfg_total"].get<uint64_t>());
    ASSERT_EQ(means.size(), reference["performance_dfg_mean_s"].size());
    for (const Json& edge : reference["performance_dfg_mean_s"]) {
        const Edge names{edge[0], edge[1]};
        ASSERT_TRUE(means.contains(names)) << names.first << " -> " << names.second;
        EXPECT_NEAR(means[names], edge[2].get<double>(), kMillisecond)
            << names.first << " -> " << names.second;
    }
}

void expect_variants(const LogView& view, const Json& reference) {
    const eventlog::CaseVariants variants = eventlog::case_variants(view);
    ASSERT_EQ(variants.variants.size(), reference["variants"].get<size_t>());
    // The reference lists the most frequent ones, ties in the order of the activity names: the
    // order of case_variants.
    const Json& top = reference["top_variants"];
    for (size_t i = 0; i < top.size(); ++i) {
        std::vector<std::string> trace;
        for (uint32_t code : variants.variants[i].activities) {
            trace.push_back(view.log().activities[code]);
        }
        EXPECT_EQ(trace, top[i]["trace"].get<std::vector<std::string>>()) << "variant " << i;
        EXPECT_EQ(variants.variants[i].case_count, top[i]["count"].get<uint64_t>());
    }
    // Each case is in the variant of its activities.
    std::vector<uint64_t> cases_of_variant(variants.variants.size(), 0);
    std::vector<uint32_t> buffer;
    for (size_t p = 0; p < view.case_count(); ++p) {
        const eventlog::Variant& variant = variants.variants[variants.variant_of_case[p]];
        const auto activities = view.case_activities(view.cases()[p], buffer);
        ASSERT_TRUE(std::ranges::equal(variant.activities, activities)) << "case " << p;
        ++cases_of_variant[variants.variant_of_case[p]];
    }
    for (size_t v = 0; v < variants.variants.size(); ++v) {
        EXPECT_EQ(cases_of_variant[v], variants.variants[v].case_count);
    }
}

void expect_case_durations(const LogView& view, const Json& reference) {
    const DurationStatistics statistics = case_durations(view).statistics;
    const Json& expected = reference["case_duration_s"];
    EXPECT_EQ(statistics.count, view.case_count());
    EXPECT_NEAR(statistics.mean_seconds, expected["mean"].get<double>(), kMillisecond);
    EXPECT_NEAR(statistics.median_seconds, expected["median"].get<double>(), kMillisecond);
    EXPECT_NEAR(statistics.min_seconds, expected["min"].get<double>(), kMillisecond);
    EXPECT_NEAR(statistics.max_seconds, expected["max"].get<double>(), kMillisecond);

    using eventlog::CalculatedAttribute;
    const auto starts = eventlog::calculated_case_attribute(view, CalculatedAttribute::CaseStart);
    const auto ends = eventlog::calculated_case_attribute(view, CalculatedAttribute::CaseEnd);
    EXPECT_EQ(*std::min_element(starts.ints.begin(), starts.ints.end()),
              instant(reference["first_timestamp"]));
    EXPECT_EQ(*std::max_element(ends.ints.begin(), ends.ints.end()),
              instant(reference["last_timestamp"]));
}

void expect_section(const LogView& view, const Json& reference) {
    expect_frequencies(view, reference);
    expect_directly_follows(view, reference);
    expect_variants(view, reference);
    expect_case_durations(view, reference);
}

class Pm4pyReferenceTest : public testing::TestWithParam<SharedLog> {};

TEST_P(Pm4pyReferenceTest, AllEventsMatchReference) {
    expect_section(LogView(load_shared_log(GetParam())),
                   shared_reference(GetParam())["all_events"]);
}

TEST_P(Pm4pyReferenceTest, CompleteEventsMatchReference) {
    const Json reference = shared_reference(GetParam());
    if (!reference.contains("complete_only")) GTEST_SKIP() << "no complete_only figures";
    const LogView complete = filter_events_by_attribute(
        LogView(load_shared_log(GetParam())),
        {"lifecycle:transition", CompareMethod::IsOneOf, {"complete", "COMPLETE"}});
    expect_section(complete, reference["complete_only"]);
}

TEST_P(Pm4pyReferenceTest, FiltersMatchReference) {
    const LogView view(load_shared_log(GetParam()));
    const EventLog& log = view.log();
    const Json filters = shared_reference(GetParam())["filters"];

    const Json& with_activity = filters["cases_containing_most_frequent_activity"];
    const auto events = activity_frequencies(view).events;
    const auto most_frequent = std::max_element(events.begin(), events.end()) - events.begin();
    const std::string activity = log.activities[static_cast<size_t>(most_frequent)];
    EXPECT_EQ(activity, with_activity["activity"].get<std::string>());
    const auto expected_cases = with_activity["cases"].get<size_t>();
    EXPECT_EQ(
        filter_activities(view, {activity}, ActivityFilterMode::KeepCasesWithAny).case_count(),
        expected_cases);
    EXPECT_EQ(filter_cases_by_attribute(
                  view, {log.metadata.activity_column, CompareMethod::Is, {activity}})
                  .case_count(),
              expected_cases);

    const Json& first_half = filters["cases_contained_in_first_half"];
    const TimeRange range{instant(first_half["from"]), instant(first_half["to"])};
    EXPECT_EQ(filter_date(view, DateFilterType::CasesContainedInRange, range).case_count(),
              first_half["cases"].get<size_t>());
}

INSTANTIATE_TEST_SUITE_P(SharedLogs, Pm4pyReferenceTest, testing::ValuesIn(kSharedLogs),
                         [](const testing::TestParamInfo<SharedLog>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
}  // namespace pmstudio::mining
