// Conformance against an expected activity order, and performance set against conformance flags
// (a case has a conformance issue when its flag attribute holds: true, non-zero or non-empty).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "eventlog/case_variants.h"
#include "mining/activity_sequence.h"
#include "mining/aggregation.h"
#include "mining/analysis_calculator_parts.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// ---- CalculatorConformance ----

enum class DeviationKind { Missing, Extra, OutOfOrder };

constexpr std::array<const char*, 3> kDeviationNames = {"Missing", "Extra", "Out Of Order"};

// How one activity sequence fits the expected order.
struct Fit {
    size_t matched = 0;  // events on a longest common subsequence with the expected order
    std::array<uint64_t, 3> counts{};  // per DeviationKind
    std::set<std::pair<DeviationKind, std::string>> deviations;
};

// Aligns the trace with the expected order along a longest common subsequence. An expected
// activity off that subsequence is Missing when the trace lacks it, else Out Of Order; a trace
// event off it is Extra when its activity is not expected or is a repetition of one already
// matched (an event of an out-of-order activity is that deviation already).
Fit fit(std::span<const uint32_t> trace, std::span<const uint32_t> expected,
        const eventlog::EventLog& log, const std::vector<std::string>& expected_names) {
    const size_t n = trace.size();
    const size_t m = expected.size();
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            at(i, j) = trace[i - 1] == expected[j - 1] ? at(i - 1, j - 1) + 1
                                                       : std::max(at(i - 1, j), at(i, j - 1));
        }
    }
    std::vector<char> trace_matched(n, 0);
    std::vector<char> expected_matched(m, 0);
    for (size_t i = n, j = m; i > 0 && j > 0;) {
        if (trace[i - 1] == expected[j - 1]) {
            trace_matched[--i] = 1;
            expected_matched[--j] = 1;
        } else if (at(i - 1, j) >= at(i, j - 1)) {
            --i;
        } else {
            --j;
        }
    }
    Fit out;
    out.matched = at(n, m);
    const auto record = [&](DeviationKind kind, const std::string& activity) {
        ++out.counts[static_cast<size_t>(kind)];
        out.deviations.emplace(kind, activity);
    };
    for (size_t j = 0; j < m; ++j) {
        if (expected_matched[j] != 0) continue;
        const bool present = std::find(trace.begin(), trace.end(), expected[j]) != trace.end();
        record(present ? DeviationKind::OutOfOrder : DeviationKind::Missing, expected_names[j]);
    }
    for (size_t i = 0; i < n; ++i) {
        if (trace_matched[i] != 0) continue;
        bool expected_activity = false;
        bool all_matched = true;
        for (size_t j = 0; j < m; ++j) {
            if (expected[j] != trace[i]) continue;
            expected_activity = true;
            all_matched = all_matched && expected_matched[j] != 0;
        }
        if (!expected_activity || all_matched) {
            record(DeviationKind::Extra, log.activities[trace[i]]);
        }
    }
    return out;
}

OperatorOutput conformance(const AnalysisState& input, const OperatorSettings& settings,
                           const OperatorContext&) {
    const std::vector<std::string> names = settings.strings("ExpectedOrder");
    if (names.empty()) {
        throw OperatorError(settings.has("ModelText")
                                ? "ModelText is not supported; use ExpectedOrder"
                                : "Setting 'ExpectedOrder' of CalculatorConformance is required");
    }
    const LogView& view = input.view;
    const eventlog::EventLog& log = view.log();
    const std::vector<uint32_t> expected = sequence_codes(log, names);
    const eventlog::CaseVariants variants = eventlog::case_variants(view);
    std::vector<Fit> fits;
    for (const eventlog::Variant& variant : variants.variants) {
        fits.push_back(fit(variant.activities, expected, log, names));
    }

    ResultTable cases{.name = "Cases"};
    cases.column("Case Id", "string")
        .column("Fitness", "double")
        .column("Missing", "integer")
        .column("Extra", "integer")
        .column("Out Of Order", "integer")
        .column("Is Conforming", "boolean");
    double fitness_sum = 0;
    uint64_t conforming = 0;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t variant = variants.variant_of_case[position];
        const Fit& case_fit = fits[variant];
        const size_t length = variants.variants[variant].activities.size();
        const double fitness = 2.0 * static_cast<double>(case_fit.matched) /
                               static_cast<double>(length + expected.size());
        const bool fits_exactly = case_fit.deviations.empty();
        fitness_sum += fitness;
        conforming += fits_exactly ? 1 : 0;
        cases.add_row({log.case_ids[view.cases()[position]], fitness, case_fit.counts[0],
                       case_fit.counts[1], case_fit.counts[2], fits_exactly});
    }

    std::map<std::pair<DeviationKind, std::string>, uint64_t> case_counts;
    for (size_t v = 0; v < fits.size(); ++v) {
        for (const auto& deviation : fits[v].deviations) {
            case_counts[deviation] += variants.variants[v].case_count;
        }
    }
    std::vector<std::pair<std::pair<DeviationKind, std::string>, uint64_t>> ranked(
        case_counts.begin(), case_counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    ResultTable deviations{.name = "Deviations"};
    deviations.column("Deviation", "string")
        .column("Activity", "string")
        .column("Case Count", "integer")
        .column("Percent Of Cases", "double");
    const auto total = static_cast<double>(view.case_count());
    for (const auto& [deviation, count] : ranked) {
        deviations.add_row({kDeviationNames[static_cast<size_t>(deviation.first)], deviation.second,
                            count, 100.0 * static_cast<double>(count) / total});
    }

    const bool any = view.case_count() != 0;
    ResultTable values =
        values_table({{"Case Count", view.case_count()},
                      {"Conforming Cases", conforming},
                      {"Conforming Percent",
                       any ? Json(100.0 * static_cast<double>(conforming) / total) : Json()},
                      {"Average Fitness", any ? Json(fitness_sum / total) : Json()}});
    return tables_output({std::move(cases), std::move(deviations), std::move(values)});
}

// ---- CalculatorProcessPerformanceMatrix ----

OperatorOutput performance_matrix(const AnalysisState& input, const OperatorSettings& settings,
                                  const OperatorContext&) {
    const LogView& view = input.view;
    const StateColumn issue(input, settings.require("ConformanceIssueAttribute").get<std::string>(),
                            "ConformanceIssueAttribute");
    const StateColumn performance(input,
                                  settings.require("PerformanceAttributeName").get<std::string>(),
                                  "PerformanceAttributeName");
    if (performance.event_level()) {
        throw OperatorError(
            fmt::format("Column '{}' of setting PerformanceAttributeName must be a case attribute",
                        performance.name()));
    }
    struct Counts {
        uint64_t conforming = 0;
        uint64_t not_conforming = 0;
    };
    std::map<std::string, Counts> by_category;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        const size_t row = performance.case_row(position, c);
        Counts& counts = by_category[performance.is_null(row) ? "Unknown" : performance.text(row)];
        ++(issue.holds_for_case(view, position, c) ? counts.not_conforming : counts.conforming);
    }
    ResultTable table{.name = "Matrix"};
    table.column("Performance", "string")
        .column("Conforming", "integer")
        .column("Not Conforming", "integer")
        .column("Total", "integer");
    for (const auto& [category, counts] : by_category) {
        table.add_row({category, counts.conforming, counts.not_conforming,
                       counts.conforming + counts.not_conforming});
    }
    return tables_output({std::move(table)});
}

// ---- CalculatorResourcePerformanceVsConformance ----

struct ResourceGroup {
    uint64_t cases = 0;
    uint64_t conforming = 0;
    Sample sample;
};

// Per resource, the cases it worked on (an event-level resource column: any kept event of the
// case); the performance aggregate runs over those cases, or over the resource's own events when
// the performance column is an event attribute.
OperatorOutput resource_performance(const AnalysisState& input, const OperatorSettings& settings,
                                    const OperatorContext&) {
    const LogView& view = input.view;
    const std::string resource_name =
        settings.text("ResourceColumnName").value_or(view.log().metadata.resource_column);
    if (resource_name.empty()) {
        throw OperatorError(
            "Setting 'ResourceColumnName' of CalculatorResourcePerformanceVsConformance is "
            "required: the dataset maps no resource column");
    }
    const StateColumn resource(input, resource_name, "ResourceColumnName");
    const Aggregate performance = Aggregate::from_settings(
        input, settings, "PerformanceAggregationMethod", "PerformanceColumnName");
    const StateColumn issue(input, settings.require("ConformanceColumnName").get<std::string>(),
                            "ConformanceColumnName");
    const bool per_event = performance.column() && performance.column()->event_level();

    std::map<std::string, ResourceGroup> groups;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const uint32_t c = view.cases()[position];
        std::map<std::string, std::vector<uint32_t>> events_by_resource;
        if (resource.event_level()) {
            view.for_each_event(c, [&](uint32_t e) {
                if (!resource.is_null(e)) events_by_resource[resource.text(e)].push_back(e);
            });
        } else if (const size_t row = resource.case_row(position, c); !resource.is_null(row)) {
            events_by_resource[resource.text(row)];
        }
        const bool conforming = !issue.holds_for_case(view, position, c);
        for (const auto& [name, events] : events_by_resource) {
            ResourceGroup& group = groups[name];
            ++group.cases;
            group.conforming += conforming ? 1 : 0;
            if (per_event && resource.event_level()) {
                for (uint32_t e : events) performance.add_event(group.sample, position, c, e);
            } else {
                performance.add_case(group.sample, position, c);
            }
        }
    }
    const uint64_t minimum = static_cast<uint64_t>(
        std::max<int64_t>(settings.integer("MinimumCaseCount").value_or(1), 0));
    std::vector<std::pair<std::string, const ResourceGroup*>> ranked;
    for (const auto& [name, group] : groups) {
        if (group.cases >= minimum) ranked.emplace_back(name, &group);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second->cases > b.second->cases;
    });
    const auto max_groups = settings.integer("MaxGroups");
    if (max_groups && *max_groups >= 0 && static_cast<size_t>(*max_groups) < ranked.size()) {
        ranked.resize(static_cast<size_t>(*max_groups));
    }
    ResultTable table{.name = "Resources"};
    table.column("Resource", "string")
        .column("Case Count", "integer")
        .column("Performance", "double")
        .column("Conformance Rate", "double");
    for (const auto& [name, group] : ranked) {
        table.add_row(
            {name, group->cases, number_cell(performance.result(group->sample, group->cases)),
             100.0 * static_cast<double>(group->conforming) / static_cast<double>(group->cases)});
    }
    return tables_output({std::move(table)});
}

}  // namespace

std::vector<NamedImplementation> conformance_calculator_implementations() {
    return {{"CalculatorConformance", conformance},
            {"CalculatorProcessPerformanceMatrix", performance_matrix},
            {"CalculatorResourcePerformanceVsConformance", resource_performance}};
}

}  // namespace pmstudio::mining
