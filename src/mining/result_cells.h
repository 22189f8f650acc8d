#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "mining/operator_settings.h"
#include "mining/result_table.h"

namespace pmstudio::mining {

// The index of the table's column of that name (exact, else ignoring case); nullopt when none.
std::optional<size_t> find_column(const ResultTable& table, std::string_view name);

// Sorts the rows by one column, keeping the order of equal cells: numbers by value, other cells by
// their JSON text; empty cells last in either direction.
void sort_rows(ResultTable& table, size_t column, bool ascending);

// Keeps the first `max_rows` rows when given (a negative number keeps all).
void keep_rows(ResultTable& table, std::optional<int64_t> max_rows);

}  // namespace pmstudio::mining
