#pragma once

#include <nlohmann/json.hpp>

namespace pmstudio::mining {

// The operator catalog as data: block types, shared enumerations, object types and every
// operator with its settings schema, result shape and simple-dialect forms. docs/operators.md
// describes the format; the registry and the discovery answer are both read from it.
const nlohmann::ordered_json& operator_catalog();

}  // namespace pmstudio::mining
