#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace pmstudio::services {

enum class EdgeLabel { Count, Duration };

// The DOT graph of a process map result envelope (CalculatorProcessFollows: tables Nodes, Edges,
// StartActivities, EndActivities): activity boxes sized and shaded by frequency, a start and an
// end circle, edges labelled by count or mean duration and drawn thicker with frequency.
// Throws std::invalid_argument when the envelope has no Nodes and Edges tables.
std::string process_map_dot(const nlohmann::ordered_json& envelope, EdgeLabel label);

// The DOT graph laid out by Graphviz (dot) and rendered as SVG. Graphviz is not thread-safe, so
// calls are serialised.
std::string render_svg(const std::string& dot);

}  // namespace pmstudio::services
