#pragma once

#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The process calculators of operators.md: case count, data information and overview, activity
// and resource frequency, process map, variants, case duration, pair performance, formula.
std::vector<NamedImplementation> calculator_implementations();

}  // namespace pmstudio::mining
