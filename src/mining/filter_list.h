#pragma once

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// Applies a FilterListSettings value ({"FilterSettingsList": [{"OperatorName", "JsonText"}]}, as
// an object or the exported JSON string; null or an empty list keeps the input) entry by entry:
// each entry runs as a filter block on the previous entry's output. Throws OperatorError naming
// the entry that fails.
AnalysisState apply_filter_list(const AnalysisState& input, const Json& filter_list,
                                const OperatorContext& context);

}  // namespace pmstudio::mining
