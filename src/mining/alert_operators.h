#pragma once

#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The alerts of operators.md: AlertThreshold, AlertPatternDeviation and AlertCompliance. Each
// gives the table "Alert" (Case Id, Value, Severity) of the offending cases, sets
// OperatorOutput::alert_triggered and reports "triggered" and "count" (the offending cases) in
// the details.
std::vector<NamedImplementation> alert_implementations();

}  // namespace pmstudio::mining
