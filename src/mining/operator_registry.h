#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/text.h"

namespace pmstudio::mining {

using Json = nlohmann::ordered_json;

// An operator of the catalog and, when it was addressed in the simple configuration dialect,
// the simple form (an entry of its "simpleForms") whose settings apply.
struct OperatorMatch {
    const Json* spec = nullptr;
    const Json* simple_form = nullptr;
};

// The catalog operator named `name` in Studio form (FilterAttribute), case-insensitively.
const Json* find_operator(std::string_view name);

// The simple-dialect forms of a catalog operator (an empty array when it has none).
const Json& simple_forms(const Json& spec);

// Resolves a Studio name or a simple-dialect operator name (ActivityFilter, DurationCalculator,
// ...) to the catalog operator; nullopt when the name is unknown.
std::optional<OperatorMatch> resolve_operator_name(std::string_view name);

// The values of a catalog enumeration (CompareMethod, TimeUnit, ...); nullptr when unknown.
const Json* find_enumeration(std::string_view name);

// The settings of a catalog object type (relativeDate, aggregation); nullptr when unknown.
const Json* find_object_type(std::string_view name);

// The numeric id of a block type name (Filter = 1, ...); nullopt when unknown.
std::optional<int> block_type_id(std::string_view block_type);

// The catalog's spelling of a block type given by name (any case) or id; nullopt when unknown.
std::optional<std::string> block_type_name(std::string_view block_type);
std::optional<std::string> block_type_name(int64_t block_type_id);

// The block-type discovery answer: the block types, each operator with its block type, display
// name, description, settings schema (enumerations expanded), result shape and simple forms,
// and the enumerations themselves.
Json discovery_json();

}  // namespace pmstudio::mining
