#include "services/analysis_mcl.h"

#include "common/text.h"
#include "mining/operator_registry.h"

namespace pmstudio::services {
namespace {

using importers::McJson;

McJson parsed_object(const std::string& text) {
    auto value = McJson::parse(text, nullptr, /*allow_exceptions=*/false);
    return value.is_object() ? value : McJson::object();
}

// Settings held as JSON text: the value and the text as stored, so they are written verbatim.
importers::McEmbeddedJson embedded(const std::string& text) {
    auto value = McJson::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return {};
    return {std::move(value), text};
}

// Takes `key` out of `extra`; null when absent.
McJson take(McJson& extra, const char* key) {
    if (!extra.contains(key)) return McJson();
    McJson value = std::move(extra[key]);
    extra.erase(key);
    return value;
}

importers::McBlock block_to_mcl(const storage::BlockRecord& block, bool first) {
    importers::McBlock mcl;
    McJson extra = parsed_object(block.mcl_extra);
    mcl.id = block.id;
    mcl.title = block.name;
    mcl.description = unless_empty(block.description);
    if (auto value = take(extra, "AutoTitle"); value.is_boolean())
        mcl.auto_title = value.get<bool>();
    mcl.disabled = block.is_disabled;
    if (auto value = take(extra, "ImportanceScore"); value.is_number()) {
        mcl.importance_score = value.get<double>();
    }
    mcl.display_settings = take(extra, "DisplaySettings");
    mcl.operator_type_name = block.operator_name;
    mcl.operator_settings = embedded(block.configuration);
    // Enrichment blocks carry no BlockType in MCL; their operator says what they are.
    if (block.block_type != "Enrichment") {
        if (auto id = mining::block_type_id(block.block_type)) mcl.block_type = *id;
    }
    mcl.parent_block_id = block.parent_id;
    if (first) mcl.is_first_block = true;
    mcl.prompt = take(extra, "Prompt");
    mcl.prompt_id = take(extra, "PromptId");
    mcl.extra = std::move(extra);
    return mcl;
}

importers::McPanel panel_to_mcl(const storage::PanelRecord& panel) {
    importers::McPanel mcl;
    mcl.id = panel.id;
    mcl.dashboard_id = panel.dashboard_id;
    mcl.title = panel.title;
    mcl.row = panel.row;
    mcl.column = panel.column;
    mcl.size_x = panel.width;
    mcl.size_y = panel.height;
    mcl.description = unless_empty(panel.description);
    mcl.input_block_id = panel.block_id;
    mcl.extra_options = embedded(panel.extra_options);
    mcl.dashboard_panel_classname = panel.panel_type;
    return mcl;
}

}  // namespace

importers::McDashboard dashboard_to_mcl(const storage::DashboardRecord& dashboard,
                                        const std::vector<storage::PanelRecord>& panels) {
    importers::McDashboard mcl;
    McJson extra = parsed_object(dashboard.mcl_extra);
    mcl.version = 2;
    mcl.id = dashboard.id;
    mcl.project_id = dashboard.project_id;
    mcl.name = dashboard.name;
    mcl.description = unless_empty(dashboard.description);
    mcl.is_notebook_dashboard = dashboard.notebook_id.has_value();
    mcl.dashboard_order = dashboard.dashboard_order;
    if (auto value = take(extra, "ThumbnailUrl"); value.is_string()) {
        mcl.thumbnail_url = value.get<std::string>();
    }
    if (auto value = take(extra, "CopilotInitialStatus"); value.is_number_integer()) {
        mcl.copilot_initial_status = value.get<int64_t>();
    }
    for (const auto& panel : panels) mcl.panels.push_back(panel_to_mcl(panel));
    mcl.extra = std::move(extra);
    return mcl;
}

importers::McNotebook notebook_to_mcl(const storage::NotebookRecord& notebook,
                                      const NotebookContent& content,
                                      const std::optional<storage::DashboardRecord>& dashboard) {
    importers::McNotebook mcl;
    mcl.version = 2;
    mcl.id = notebook.id;
    mcl.name = notebook.name;
    mcl.description = unless_empty(notebook.description);
    mcl.notebook_order = notebook.notebook_order;
    for (size_t i = 0; i < content.chain.size(); ++i) {
        mcl.blocks.push_back(block_to_mcl(content.chain[i], i == 0));
    }
    for (const auto& block : content.dashboard_blocks) {
        mcl.dashboard_blocks.push_back(block_to_mcl(block, false));
    }
    if (dashboard) mcl.notebook_dashboard = dashboard_to_mcl(*dashboard, content.panels);
    mcl.notebook_type = notebook.notebook_type;
    mcl.extra = McJson::object();
    const auto settings = McJson::parse(notebook.settings, nullptr, /*allow_exceptions=*/false);
    mcl.extra["Settings"] = settings.is_discarded() ? McJson::array() : settings;
    if (notebook.template_id) mcl.extra["TemplateId"] = *notebook.template_id;
    return mcl;
}

DashboardContent dashboard_from_mcl(const importers::McDashboard& dashboard) {
    DashboardContent content;
    auto& record = content.dashboard;
    record.id = dashboard.id;
    record.name = dashboard.name.value_or("");
    record.description = dashboard.description.value_or("");
    record.dashboard_order = dashboard.dashboard_order.value_or(0);
    McJson extra = McJson::object();
    if (dashboard.thumbnail_url) extra["ThumbnailUrl"] = *dashboard.thumbnail_url;
    if (dashboard.copilot_initial_status) {
        extra["CopilotInitialStatus"] = *dashboard.copilot_initial_status;
    }
    if (dashboard.extra.is_object()) {
        for (const auto& [key, value] : dashboard.extra.items()) extra[key] = value;
    }
    record.mcl_extra = extra.dump();
    for (const auto& panel : dashboard.panels) content.panels.push_back(panel_from_mcl(panel));
    return content;
}

}  // namespace pmstudio::services
