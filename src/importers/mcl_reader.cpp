#include "importers/mcl_reader.h"

#include <algorithm>
#include <cctype>

#include "importers/mcl_object_reader.h"

namespace pmstudio::importers {
namespace {

// How error messages name a block: its title and id.
std::string block_label(const std::optional<std::string>& title, const std::string& id) {
    return "block '" + title.value_or("") + "' (" + id + ")";
}

McBlock read_block(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McBlock block;
    block.id = fields.required_text("Id");
    block.title = fields.text("Title");
    block.description = fields.text("Description");
    block.auto_title = fields.boolean("AutoTitle");
    block.disabled = fields.boolean("Disabled");
    block.importance_score = fields.number("ImportanceScore");
    block.display_settings = fields.raw("DisplaySettings");
    block.operator_type_name = fields.required_text("OperatorTypeName");
    block.operator_settings =
        fields.embedded("OperatorSettings", block_label(block.title, block.id));
    block.block_type = fields.integer("BlockType");
    block.parent_block_id = fields.text("ParentBlockId");
    block.is_first_block = fields.boolean("IsFirstBlock");
    block.prompt = fields.raw("Prompt");
    block.prompt_id = fields.raw("PromptId");
    block.extra = fields.rest();
    return block;
}

McEnrichmentBlock read_enrichment_block(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McEnrichmentBlock block;
    block.id = fields.required_text("Id");
    block.title = fields.text("Title");
    block.description = fields.text("Description");
    block.operator_type_name = fields.required_text("OperatorTypeName");
    block.operator_settings =
        fields.embedded("OperatorSettings", block_label(block.title, block.id));
    block.block_order = fields.number("BlockOrder");
    block.extra = fields.rest();
    return block;
}

McPanel read_panel(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McPanel panel;
    panel.id = fields.required_text("Id");
    panel.dashboard_id = fields.text("Dashboardid");
    panel.title = fields.text("Title");
    panel.row = fields.integer("Row");
    panel.column = fields.integer("Column");
    panel.size_x = fields.integer("SizeX");
    panel.size_y = fields.integer("SizeY");
    panel.description = fields.text("Description");
    panel.input_block_id = fields.text("InputblockId");
    panel.extra_options = fields.embedded(
        "ExtraOptions", "panel '" + panel.title.value_or("") + "' (" + panel.id + ")");
    panel.dashboard_panel_classname = fields.text("DashboardPanelClassname");
    panel.extra = fields.rest();
    return panel;
}

}  // namespace

McDashboard read_mcl_dashboard(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McDashboard dashboard;
    dashboard.version = fields.integer("Version");
    dashboard.id = fields.required_text("Id");
    dashboard.project_id = fields.text("ProjectId");
    dashboard.name = fields.text("Name");
    dashboard.description = fields.text("Description");
    dashboard.is_notebook_dashboard = fields.boolean("IsNotebookDashboard");
    dashboard.dashboard_order = fields.number("DashboardOrder");
    dashboard.thumbnail_url = fields.text("ThumbnailUrl");
    dashboard.copilot_initial_status = fields.integer("CopilotInitialStatus");
    dashboard.panels = fields.list<McPanel>("Panels", read_panel).value_or(std::vector<McPanel>{});
    dashboard.extra = fields.rest();
    return dashboard;
}

McNotebook read_mcl_notebook(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McNotebook notebook;
    notebook.version = fields.integer("Version");
    notebook.id = fields.required_text("Id");
    notebook.name = fields.required_text("Name");
    notebook.description = fields.text("Description");
    notebook.notebook_order = fields.number("NotebookOrder");
    notebook.blocks = fields.list<McBlock>("Blocks", read_block).value_or(std::vector<McBlock>{});
    notebook.dashboard_blocks =
        fields.list<McBlock>("DashboardBlocks", read_block).value_or(std::vector<McBlock>{});
    const McJson dashboard = fields.raw("NotebookDashboard");
    if (!dashboard.is_null()) {
        notebook.notebook_dashboard =
            read_mcl_dashboard(dashboard, fields.path_of("NotebookDashboard"));
    }
    notebook.notebook_type = fields.integer("NotebookType");
    notebook.extra = fields.rest();
    return notebook;
}

namespace {

// "line L, column C" of the token the parser stopped at. nlohmann counts the position after the
// last character it read, which is often the line break behind the offending token ("column 0"
// of the next line); this points at the token itself.
std::string error_position(std::string_view text, size_t byte) {
    size_t at = std::min(byte == 0 ? 0 : byte - 1, text.empty() ? 0 : text.size() - 1);
    while (at > 0 && std::isspace(static_cast<unsigned char>(text[at])) != 0) --at;
    const std::string_view before = text.substr(0, at);
    const size_t line = 1 + static_cast<size_t>(std::ranges::count(before, '\n'));
    const size_t line_start = before.rfind('\n');
    const size_t column = line_start == std::string_view::npos ? at + 1 : at - line_start;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

McJson parse_json(std::string_view text) {
    try {
        return McJson::parse(text, nullptr, true, /*ignore_comments=*/true);
    } catch (const McJson::parse_error& error) {
        std::string problem = json_error_text(error);
        if (problem.starts_with("parse error")) {
            const size_t colon = problem.find(": ");
            if (colon != std::string::npos) problem.erase(0, colon + 2);
        }
        fail_mcl("", "not JSON at " + error_position(text, error.byte) + ": " + problem);
    }
}

}  // namespace

McDocument read_mcl(std::string_view text) {
    const McJson json = parse_json(text);
    McObjectReader fields(json, "");
    McDocument document;
    document.mcl_version = fields.integer("MclVersion");
    document.log_version = fields.integer("LogVersion");
    document.notebook_version = fields.integer("NotebookVersion");
    document.package_notes = fields.raw("PackageNotes");
    const std::optional<int64_t> content_type = fields.integer("ContentType");
    if (!content_type) fail_mcl("ContentType", "missing or null");
    document.content_type = *content_type;
    document.projects = fields.raw("Projects");
    document.datasets = fields.raw("Datasets");
    document.enrichments = fields.raw("Enrichments");
    document.investigations = fields.raw("Investigations");
    document.dashboards = fields.raw("Dashboards");
    if (!fields.has("Notebooks")) fail_mcl("Notebooks", "missing");
    document.notebooks = fields.list<McNotebook>("Notebooks", read_mcl_notebook);
    document.blocks = fields.list<McBlock>("Blocks", read_block);
    document.enrichment_blocks =
        fields.list<McEnrichmentBlock>("EnrichmentBlocks", read_enrichment_block);
    document.enrichment_notebooks = fields.raw("EnrichmentNotebooks");
    document.settings = fields.raw("Settings");
    document.extra = fields.rest();
    return document;
}

}  // namespace pmstudio::importers
