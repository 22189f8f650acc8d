#include "services/process_map_svg.h"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "eventlog/time_format.h"

namespace pmstudio::services {
namespace {

using Json = nlohmann::ordered_json;

struct Table {
    std::map<std::string, size_t> columns;
    const Json* rows = nullptr;

    const Json& cell(const Json& row, const std::string& column, size_t fallback) const {
        auto it = columns.find(column);
        return row.at(it == columns.end() ? fallback : it->second);
    }
};

std::optional<Table> find_table(const Json& envelope, const std::string& name) {
    if (!envelope.contains("tables")) return std::nullopt;
    for (const auto& table : envelope.at("tables")) {
        if (table.value("name", "") != name) continue;
        Table found;
        const auto& columns = table.at("columns");
        for (size_t i = 0; i < columns.size(); ++i) {
            found.columns[columns[i].at("name").get<std::string>()] = i;
        }
        found.rows = &table.at("rows");
        return found;
    }
    return std::nullopt;
}

// A DOT double-quoted string.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch == '\n' ? ' ' : ch;
    }
    return out + "\"";
}

double number(const Json& cell) {
    return cell.is_number() ? cell.get<double>() : 0;
}

std::string duration_text(double seconds) {
    constexpr double kMinute = 60;
    constexpr double kHour = 3600;
    constexpr double kDay = 86400;
    if (seconds < kMinute) return fmt::format("{:.1f} s", seconds);
    if (seconds < kHour) return fmt::format("{:.1f} min", seconds / kMinute);
    if (seconds < kDay) return fmt::format("{:.1f} h", seconds / kHour);
    return fmt::format("{:.1f} d", seconds / kDay);
}

// A blue from light (rare) to dark (frequent).
std::string shade(double share) {
    const int light = static_cast<int>(std::lround(230 - 150 * share));
    return fmt::format("#{:02x}{:02x}ff", light, light);
}

}  // namespace

std::string process_map_dot(const Json& envelope, EdgeLabel label) {
    const auto nodes = find_table(envelope, "Nodes");
    const auto edges = find_table(envelope, "Edges");
    if (!nodes || !edges) {
        throw std::invalid_argument(
            "The block's result is not a process map (it has no Nodes and Edges tables)");
    }
    double max_count = 1;
    for (const auto& row : *nodes->rows)
        max_count = std::max(max_count, number(nodes->cell(row, "Count", 1)));
    double max_edge = 1;
    for (const auto& row : *edges->rows)
        max_edge = std::max(max_edge, number(edges->cell(row, "Count", 2)));

    std::string dot =
        "digraph process_map {\n  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", "
        "fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n"
        "  \"__start\" [shape=circle, label=\"\", width=0.3, fillcolor=\"#2e7d32\"];\n"
        "  \"__end\" [shape=doublecircle, label=\"\", width=0.3, fillcolor=\"#c62828\"];\n";
    for (const auto& row : *nodes->rows) {
        const auto activity = nodes->cell(row, "Activity", 0).get<std::string>();
        const double count = number(nodes->cell(row, "Count", 1));
        const double share = count / max_count;
        dot += fmt::format("  {} [label={}, fillcolor=\"{}\", fontcolor=\"{}\", width={:.2f}];\n",
                           quoted(activity), quoted(fmt::format("{}\n{:.0f}", activity, count)),
                           shade(share), share > 0.6 ? "white" : "black", 1.5 + 1.5 * share);
    }
    for (const auto& row : *edges->rows) {
        const double count = number(edges->cell(row, "Count", 2));
        const std::string text = label == EdgeLabel::Count
                                     ? fmt::format("{:.0f}", count)
                                     : duration_text(number(edges->cell(row, "Mean Duration", 4)));
        dot += fmt::format("  {} -> {} [label={}, penwidth={:.2f}];\n",
                           quoted(edges->cell(row, "From", 0).get<std::string>()),
                           quoted(edges->cell(row, "To", 1).get<std::string>()), quoted(text),
                           1 + 4 * count / max_edge);
    }
    for (const auto& [table, from_start] :
         {std::pair{"StartActivities", true}, {"EndActivities", false}}) {
        const auto endpoints = find_table(envelope, table);
        if (!endpoints) continue;
        for (const auto& row : *endpoints->rows) {
            const auto activity = quoted(endpoints->cell(row, "Activity", 0).get<std::string>());
            const auto count = fmt::format("{:.0f}", number(endpoints->cell(row, "Count", 1)));
            dot += from_start ? fmt::format("  \"__start\" -> {} [label={}, style=dashed];\n",
                                            activity, quoted(count))
                              : fmt::format("  {} -> \"__end\" [label={}, style=dashed];\n",
                                            activity, quoted(count));
        }
    }
    return dot + "}\n";
}

std::string render_svg(const std::string& dot) {
    static std::mutex graphviz;
    std::lock_guard lock(graphviz);
    std::unique_ptr<GVC_t, decltype(&gvFreeContext)> context(gvContext(), gvFreeContext);
    std::unique_ptr<Agraph_t, decltype(&agclose)> graph(agmemread(dot.c_str()), agclose);
    if (!graph) throw std::runtime_error("Graphviz could not read the process map graph");
    if (gvLayout(context.get(), graph.get(), "dot") != 0) {
        throw std::runtime_error("Graphviz could not lay out the process map");
    }
    char* data = nullptr;
    unsigned int size = 0;
    const int rendered = gvRenderData(context.get(), graph.get(), "svg", &data, &size);
    std::string svg = rendered == 0 && data != nullptr ? std::string(data, size) : std::string();
    gvFreeRenderData(data);
    gvFreeLayout(context.get(), graph.get());
    if (svg.empty()) throw std::runtime_error("Graphviz could not render the process map");
    return svg;
}

}  // namespace pmstudio::services
