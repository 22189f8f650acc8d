#pragma once

// Test support (included by operator tests only): the shared running example as an analysis state,
// running blocks, and reading result tables by column name.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "importers/csv_reader.h"
#include "importers/reference_figures_test_support.h"
#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// ../shared/data/running-example.csv (6 cases, 42 events; case attribute case:creator, event
// attribute Costs), mapped as PM4Py reads it.
inline std::shared_ptr<const eventlog::EventLog> running_example() {
    static const auto log = [] {
        importers::ImportOptions options;
        options.mapping = {"case:concept:name", "concept:name", "time:timestamp", "org:resource",
                           ""};
        importers::ImportReport report;
        return std::make_shared<const eventlog::EventLog>(
            importers::read_csv(importers::kSharedData / "running-example.csv", options, report));
    }();
    return log;
}

inline AnalysisState running_example_state() {
    return AnalysisState(eventlog::LogView(running_example()));
}

inline OperatorOutput run(std::string_view operator_name, const Json& configuration,
                          const AnalysisState& input, const OperatorContext& context = {}) {
    return run_operator(operator_name, configuration.dump(), input, context);
}

// The cell of a row in the column of that name (fails the test when the table has no such column).
inline Json cell(const ResultTable& table, size_t row, std::string_view column) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].name == column) return table.rows.at(row).at(i);
    }
    ADD_FAILURE() << "table " << table.name << " has no column " << column;
    return nullptr;
}

// The Value of the row whose Name is `name` in a Name/Value table.
inline Json value_of(const ResultTable& table, std::string_view name) {
    for (size_t row = 0; row < table.rows.size(); ++row) {
        if (cell(table, row, "Name") == name) return cell(table, row, "Value");
    }
    ADD_FAILURE() << "table " << table.name << " has no row " << name;
    return nullptr;
}

}  // namespace pmstudio::mining
