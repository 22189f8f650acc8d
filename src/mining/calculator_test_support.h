#pragma once

// Test support (included by tests only): running a calculator block and reading its tables.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

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

inline size_t column_index(const ResultTable& table, std::string_view name) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].name == name) return i;
    }
    ADD_FAILURE() << table.name << " has no column " << name;
    return 0;
}

// A copy of one table of the block's output.
inline ResultTable block_table(std::string_view operator_name, std::string_view configuration,
                               const AnalysisState& input, std::string_view table) {
    return table_named(run_block(operator_name, configuration, input), table);
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

}  // namespace pmstudio::mining
