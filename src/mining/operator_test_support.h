#pragma once

// Test support (included by operator tests only): the shared running example as an analysis state,
// running blocks, and reading result tables by table, column and row names.

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

// The block's output; `configuration` is the block's JSON text.
inline OperatorOutput run_block(std::string_view operator_name, std::string_view configuration,
                                const AnalysisState& input) {
    return run_operator(operator_name, configuration, input, OperatorContext{});
}

inline const ResultTable& table_named(const OperatorOutput& output, std::string_view name) {
    for (const ResultTable& table : output.tables) {
        if (table.name == name) return table;
    }
    ADD_FAILURE() << "no table " << name;
    static const ResultTable none{.name = ""};
    return none;
}

// A copy of one table of the block's output.
inline ResultTable block_table(std::string_view operator_name, std::string_view configuration,
                               const AnalysisState& input, std::string_view table) {
    return table_named(run_block(operator_name, configuration, input), table);
}

// The index of the column of that name (fails the test when the table has no such column).
inline size_t column_index(const ResultTable& table, std::string_view name) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].name == name) return i;
    }
    ADD_FAILURE() << "table " << table.name << " has no column " << name;
    return 0;
}

// The cell of a row in the column of that name.
inline Json cell(const ResultTable& table, size_t row, std::string_view column) {
    const size_t index = column_index(table, column);
    return index < table.columns.size() ? table.rows.at(row).at(index) : Json(nullptr);
}

// The cell of `column` in the row of a Name/Value-like table whose first cell is `label`.
inline Json cell_of(const ResultTable& table, std::string_view label,
                    std::string_view column = "Value") {
    const size_t index = column_index(table, column);
    for (const auto& row : table.rows) {
        if (row[0].is_string() && row[0].get_ref<const std::string&>() == label) return row[index];
    }
    ADD_FAILURE() << table.name << " has no row " << label;
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
