#pragma once

// Test support (included by operator tests only): the shared running example as an analysis state,
// running blocks, and reading result tables by column name.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "mining/operator_runtime.h"
#include "mining/shared_logs_test_support.h"

namespace pmstudio::mining {

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
