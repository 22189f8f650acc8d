#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "mining/operator_registry.h"

namespace pmstudio::mining {

// The outcome of checking a block: the operator (and simple form) it resolved to, and every
// problem found, each naming the operator or the setting. No errors means the block is valid.
struct BlockValidation {
    OperatorMatch match;
    std::vector<std::string> errors;
};

// Checks a block configuration in either dialect (docs/operators.md, "Validation"):
// `operator_name` is a Studio name (FilterAttribute), a simple-dialect name (ActivityFilter) or
// empty when the configuration carries filterType / calculationType / alertType.
// `configuration` is the settings object, or a string holding it (JSON-in-JSON); null is {}.
BlockValidation check_block(std::string_view operator_name, const nlohmann::json& configuration);

// The errors of check_block.
std::vector<std::string> validate_block(std::string_view operator_name,
                                        const nlohmann::json& configuration);

}  // namespace pmstudio::mining
