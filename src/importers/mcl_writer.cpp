#include "importers/mcl_writer.h"

#include "importers/mcl_write_parts.h"

namespace pmstudio::importers {
namespace {

using mcl_write::append_extra;
using mcl_write::list;
using mcl_write::or_null;

// .NET's indented JSON (Newtonsoft, Formatting.Indented): two spaces, CRLF line breaks. Line
// breaks inside strings are escaped by dump(), so every '\n' of its output is a structural one.
std::string dotnet_indented(const McJson& value) {
    const std::string lf = value.dump(2);
    std::string crlf;
    crlf.reserve(lf.size() + lf.size() / 16);
    for (const char c : lf) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    return crlf;
}

McJson embedded(const McEmbeddedJson& json) {
    if (!json.text.empty() &&
        McJson::parse(json.text, nullptr, /*allow_exceptions=*/false) == json.value) {
        return json.text;
    }
    return json.value.is_null() ? McJson() : McJson(dotnet_indented(json.value));
}

template <class Item, class WriteItem>
McJson list(const std::optional<std::vector<Item>>& items, WriteItem write_item) {
    return items ? list(*items, write_item) : McJson();
}

McJson write_block(const McBlock& block) {
    McJson json = McJson::object();
    json["Id"] = block.id;
    json["Title"] = or_null(block.title);
    json["Description"] = or_null(block.description);
    json["AutoTitle"] = or_null(block.auto_title);
    json["Disabled"] = or_null(block.disabled);
    json["ImportanceScore"] = or_null(block.importance_score);
    json["DisplaySettings"] = block.display_settings;
    json["OperatorTypeName"] = block.operator_type_name;
    json["OperatorSettings"] = embedded(block.operator_settings);
    json["BlockType"] = or_null(block.block_type);
    json["ParentBlockId"] = or_null(block.parent_block_id);
    json["IsFirstBlock"] = or_null(block.is_first_block);
    json["Prompt"] = block.prompt;
    json["PromptId"] = block.prompt_id;
    append_extra(json, block.extra);
    return json;
}

McJson write_enrichment_block(const McEnrichmentBlock& block) {
    McJson json = McJson::object();
    json["Id"] = block.id;
    json["Title"] = or_null(block.title);
    json["Description"] = or_null(block.description);
    json["OperatorTypeName"] = block.operator_type_name;
    json["OperatorSettings"] = embedded(block.operator_settings);
    json["BlockOrder"] = or_null(block.block_order);
    append_extra(json, block.extra);
    return json;
}

McJson write_panel(const McPanel& panel) {
    McJson json = McJson::object();
    json["Id"] = panel.id;
    json["Dashboardid"] = or_null(panel.dashboard_id);
    json["Title"] = or_null(panel.title);
    json["Row"] = or_null(panel.row);
    json["Column"] = or_null(panel.column);
    json["SizeX"] = or_null(panel.size_x);
    json["SizeY"] = or_null(panel.size_y);
    json["Description"] = or_null(panel.description);
    json["InputblockId"] = or_null(panel.input_block_id);
    json["ExtraOptions"] = embedded(panel.extra_options);
    json["DashboardPanelClassname"] = or_null(panel.dashboard_panel_classname);
    append_extra(json, panel.extra);
    return json;
}

}  // namespace

McJson write_mcl_dashboard(const McDashboard& dashboard) {
    McJson json = McJson::object();
    json["Version"] = or_null(dashboard.version);
    json["Id"] = dashboard.id;
    json["ProjectId"] = or_null(dashboard.project_id);
    json["Name"] = or_null(dashboard.name);
    json["Description"] = or_null(dashboard.description);
    json["IsNotebookDashboard"] = or_null(dashboard.is_notebook_dashboard);
    json["DashboardOrder"] = or_null(dashboard.dashboard_order);
    json["ThumbnailUrl"] = or_null(dashboard.thumbnail_url);
    json["CopilotInitialStatus"] = or_null(dashboard.copilot_initial_status);
    json["Panels"] = list(dashboard.panels, write_panel);
    append_extra(json, dashboard.extra);
    return json;
}

McJson write_mcl_notebook(const McNotebook& notebook) {
    McJson json = McJson::object();
    json["Version"] = or_null(notebook.version);
    json["Id"] = notebook.id;
    json["Name"] = notebook.name;
    json["Description"] = or_null(notebook.description);
    json["NotebookOrder"] = or_null(notebook.notebook_order);
    json["Blocks"] = list(notebook.blocks, write_block);
    json["DashboardBlocks"] = list(notebook.dashboard_blocks, write_block);
    json["NotebookDashboard"] =
        notebook.notebook_dashboard ? write_mcl_dashboard(*notebook.notebook_dashboard) : McJson();
    json["NotebookType"] = or_null(notebook.notebook_type);
    append_extra(json, notebook.extra);
    return json;
}

std::string write_mcl(const McDocument& document) {
    McJson json = McJson::object();
    json["MclVersion"] = or_null(document.mcl_version);
    json["LogVersion"] = or_null(document.log_version);
    json["NotebookVersion"] = or_null(document.notebook_version);
    json["PackageNotes"] = document.package_notes;
    json["ContentType"] = document.content_type;
    json["Projects"] = document.projects;
    json["Datasets"] = document.datasets;
    json["Enrichments"] = document.enrichments;
    json["Investigations"] = document.investigations;
    json["Dashboards"] = document.dashboards;
    json["Notebooks"] = list(document.notebooks, write_mcl_notebook);
    json["Blocks"] = list(document.blocks, write_block);
    json["EnrichmentBlocks"] = list(document.enrichment_blocks, write_enrichment_block);
    json["EnrichmentNotebooks"] = document.enrichment_notebooks;
    json["Settings"] = document.settings;
    append_extra(json, document.extra);
    return json.dump(2);
}

}  // namespace pmstudio::importers
