#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::importers {

enum class JsonDataType { Natural, String, Integer, Double, Boolean, DateTime };

// One entry of a JSON import's mapping: {"jsonPath": "$.order.amount", "targetColumn": "Amount",
// "dataType": "double"}.
struct JsonMapping {
    std::string property;       // the flattened property the path names: "order.amount"
    std::string target_column;  // the property itself when the entry names no target
    JsonDataType data_type = JsonDataType::Natural;  // Natural: as the JSON has it
};

// Reads a mapping: an array of entries, or an object holding them under "mapping" (the reference's
// {"schema": "flat", "mapping": [...]}). Paths are $.a.b, $['a']['b'] or a.b; array steps such as
// $.cases[*].events[*]. are dropped, since case and event properties become columns of one row.
// dataType is string, integer, double, boolean or datetime (any case; absent: Natural).
// Throws ImportError 400 for anything else.
std::vector<JsonMapping> parse_json_mapping(std::string_view json);

}  // namespace pmstudio::importers
