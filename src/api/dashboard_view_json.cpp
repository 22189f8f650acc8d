#include "api/dashboard_view_json.h"

#include <algorithm>

#include "api/response.h"
#include "common/clock.h"
#include "services/execution_status.h"

namespace pmstudio::api {
namespace {

// A page shows a few hundred rows of a table at most; results larger than this have their long
// tables cut so that a refresh does not move megabytes (a process map carries every variant).
constexpr size_t kLargeResult = size_t{256} * 1024;
constexpr size_t kRowsOfLargeTables = 1000;

// The stored envelope, or for a large one the envelope with each table cut to its first
// kRowsOfLargeTables rows and its full row count in rowCount.
std::string page_envelope(const std::string& envelope) {
    if (envelope.size() <= kLargeResult) return envelope;
    auto body = Json::parse(envelope, nullptr, false);
    if (body.is_discarded() || !body.contains("tables")) return envelope;
    for (auto& table : body["tables"]) {
        auto& rows = table["rows"];
        if (rows.size() <= kRowsOfLargeTables) continue;
        table["rowCount"] = rows.size();
        rows.erase(rows.begin() + kRowsOfLargeTables, rows.end());
    }
    return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A panel's own options (a note's {"text": …}); {} when they are not a JSON object.
Json options_json(const std::string& text) {
    auto options = Json::parse(text, nullptr, false);
    return options.is_object() ? options : Json::object();
}

Json block_field(const std::optional<storage::BlockRecord>& block,
                 std::string storage::BlockRecord::*field) {
    return block ? Json((*block).*field) : Json(nullptr);
}

std::string panel_json(const services::PanelView& view) {
    const auto& panel = view.panel;
    Json body{
        {"panelId", panel.id},
        {"title", panel.title},
        {"description", panel.description},
        {"panelType", panel.panel_type},
        {"row", panel.row},
        {"column", panel.column},
        {"width", panel.width},
        {"height", panel.height},
        {"options", options_json(panel.extra_options)},
        {"blockId", optional_json(panel.block_id)},
        {"selectorOperator", block_field(view.selector, &storage::BlockRecord::operator_name)},
        {"calculatorBlockId", block_field(view.calculator, &storage::BlockRecord::id)},
        {"calculatorOperator", block_field(view.calculator, &storage::BlockRecord::operator_name)},
        {"calculatorName", block_field(view.calculator, &storage::BlockRecord::name)},
        {"status", view.status},
        {"error", optional_json(view.error)},
        {"resultDate", view.result ? Json(view.result->date_ended) : Json(nullptr)}};
    std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    text.pop_back();
    text += R"(,"result":)";
    text += view.result ? page_envelope(view.result->envelope) : "null";
    text += '}';
    return text;
}

}  // namespace

std::string dashboard_view_json(const services::DashboardView& view, bool embedded) {
    const auto& dashboard = view.dashboard;
    const bool running = std::any_of(view.panels.begin(), view.panels.end(),
                                     [](const auto& p) { return p.status == services::kRunning; });
    Json body{{"dashboardId", dashboard.id},
              {"projectId", dashboard.project_id},
              {"name", dashboard.name},
              {"description", dashboard.description},
              {"notebookId", optional_json(dashboard.notebook_id)},
              {"embedded", embedded},
              {"status", running ? services::kRunning : services::kPanelReady},
              {"generatedAt", now_iso8601()}};
    std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    text.pop_back();
    text += R"(,"panels":[)";
    for (size_t i = 0; i < view.panels.size(); ++i) {
        if (i > 0) text += ',';
        text += panel_json(view.panels[i]);
    }
    text += "]}";
    return text;
}

}  // namespace pmstudio::api
