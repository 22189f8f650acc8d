#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The selectors of operators.md: SelectorFullCalculator, SelectorSingleValueFromLabel,
// SelectorSingleValue and SelectorMultiColumns. Each reads the result of the calculator block
// CalculatorBlockId through OperatorContext::block_tables (the panel's selector block names its
// calculator there; pass it as a runtime parameter where only the parent block is known).
// Values keep their type and come with their text in FormatText (dotnet_format.h).
std::vector<NamedImplementation> selector_implementations();

// A result cell of a column of the given type as text in a .NET format: numbers and timespans
// (seconds) by format_number / format_timespan, datetime cells (ISO 8601 text) by
// format_datetime, booleans as True / False, text unchanged, null as "".
std::string format_cell(const Json& cell, std::string_view column_type, std::string_view format);

}  // namespace pmstudio::mining
