#pragma once

#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The analysis calculators of operators.md: case stage, rate, trend, value over time, pivot,
// performance vs conformance (matrix and per resource), root causes and conformance.
std::vector<NamedImplementation> analysis_calculator_implementations();

}  // namespace pmstudio::mining
