#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventlog/event_log.h"
#include "mining/analysis_state.h"
#include "mining/operator_settings.h"
#include "mining/time_units.h"
#include "mining/view_column.h"

namespace pmstudio::mining {

// Settings that name something of the log or of the analysis state, resolved for an operator.
// Each throws OperatorError naming the setting (and the value the log lacks); a setting these
// functions require but the block does not give is "Setting 'X' of Y is required".

// The column that setting `key` names (or its catalog default): a derived attribute of the state,
// a column of the log or a ~calc~ attribute (ViewColumn::resolve). The column refers to the
// state's data.
ViewColumn column_setting(const AnalysisState& state, const OperatorSettings& settings,
                          std::string_view key);
// The same for a name given by the caller (e.g. a fallback when the setting is absent).
ViewColumn named_column(const AnalysisState& state, const OperatorSettings& settings,
                        std::string_view key, std::string_view name);
// OperatorError unless `column` (named by setting `key`) has that type.
void expect_column_type(const OperatorSettings& settings, std::string_view key,
                        const ViewColumn& column, eventlog::ValueType type);

// The activity code of the activity that setting `key` names.
uint32_t activity_setting(const eventlog::EventLog& log, const OperatorSettings& settings,
                          std::string_view key);
// The activity names that setting `key` lists (none when absent), each one of the log's.
std::vector<std::string> activity_names_setting(const eventlog::EventLog& log,
                                                const OperatorSettings& settings,
                                                std::string_view key);

// The position of the setting's value in the catalog enumeration `enumeration` (string values
// match ignoring case), for enumerations the code mirrors in catalog order.
size_t enumeration_position(const OperatorSettings& settings, std::string_view key,
                            std::string_view enumeration);

// Microseconds of one unit: `unit` is a TimeUnit value; OperatorError naming setting `key` for
// another number.
int64_t time_unit_micros(const OperatorSettings& settings, std::string_view key, int64_t unit);

}  // namespace pmstudio::mining
