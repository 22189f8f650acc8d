#pragma once

#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The filters of operators.md in both configuration dialects: FilterAttribute, FilterDate,
// FilterActivities, FilterVariants, FilterStartEndActivity, FilterFollows, FilterDuration,
// FilterCaseSize and FilterRework. Each narrows the view of its input state; column settings
// accept the attributes enrichment operators derived earlier in the chain.
//
// Choices the catalog leaves open:
// - FilterAttribute: against a DateTime column the values are ISO 8601 texts; against a TimeSpan
//   column numbers count TimeSpanUnits (days in the simple dialect) and texts may be .NET
//   TimeSpans. Is / IsNot without CompareValue but with CompareArray (as exported) mean IsOneOf /
//   IsNotOneOf. In the simple dialect `value` is [lower, upper] for between and a list for
//   isOneOf / isNotOneOf, and a list makes equals / notEquals isOneOf / isNotOneOf.
// - FilterDate: a range may be open at one end; the simple dialect's endDate given as a date
//   alone includes that whole day, and dateField selects CasesWithAttributeInRange (default: cases
//   starting in the range). Details UsedStartDate / UsedEndDate are ISO 8601 texts (null: open).
// - FilterActivities, simple dialect: cases with any of `activities` and `include`, without any of
//   `exclude`.
// - FilterVariants: VariantIds (variant ids of ~calc~Variant) win over TopN.
// - Activity names the log lacks are errors, as are unknown columns.
std::vector<NamedImplementation> filter_implementations();

}  // namespace pmstudio::mining
