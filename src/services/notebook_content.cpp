#include "services/notebook_content.h"

#include <algorithm>
#include <optional>

#include "common/clock.h"
#include "common/guid.h"
#include "mining/operator_registry.h"
#include "services/block_chain.h"
#include "services/id_map.h"

namespace pmstudio::services {
namespace {

using importers::McBlock;
using importers::McJson;

std::string settings_text(const importers::McEmbeddedJson& settings) {
    if (!settings.text.empty()) return settings.text;
    return settings.value.is_null() ? "{}" : settings.value.dump();
}

// The block type of an MCL block: its operator's, else its numeric BlockType's, else `fallback`.
std::string block_type_of(const std::string& operator_name, std::optional<int64_t> block_type,
                          const std::string& fallback) {
    if (const auto* spec = mining::find_operator(operator_name)) {
        return spec->at("blockType").get<std::string>();
    }
    if (block_type) {
        if (auto name = mining::block_type_name(*block_type)) return *name;
    }
    return fallback;
}

// The MCL fields of a block that pmstudio keeps only to write them back on export.
std::string block_extra(const McBlock& block) {
    McJson extra = McJson::object();
    if (block.auto_title) extra["AutoTitle"] = *block.auto_title;
    if (block.importance_score) extra["ImportanceScore"] = *block.importance_score;
    if (!block.display_settings.is_null()) extra["DisplaySettings"] = block.display_settings;
    if (!block.prompt.is_null()) extra["Prompt"] = block.prompt;
    if (!block.prompt_id.is_null()) extra["PromptId"] = block.prompt_id;
    if (block.extra.is_object()) {
        for (const auto& [key, value] : block.extra.items()) extra[key] = value;
    }
    return extra.dump();
}

storage::BlockRecord block_from_mcl(const McBlock& block, bool dashboard_block) {
    storage::BlockRecord record;
    record.id = normalize_guid(block.id);
    record.operator_name = block.operator_type_name;
    record.block_type = block_type_of(block.operator_type_name, block.block_type,
                                      dashboard_block ? "Selector" : "Filter");
    record.name = block.title.value_or("");
    record.description = block.description.value_or("");
    if (block.parent_block_id && is_guid(*block.parent_block_id)) {
        record.parent_id = normalize_guid(*block.parent_block_id);
    }
    record.is_dashboard_block = dashboard_block;
    record.configuration = settings_text(block.operator_settings);
    record.is_disabled = block.disabled.value_or(false);
    record.mcl_extra = block_extra(block);
    return record;
}

storage::BlockRecord block_from_mcl(const importers::McEnrichmentBlock& block) {
    storage::BlockRecord record;
    record.id = normalize_guid(block.id);
    record.operator_name = block.operator_type_name;
    record.block_type = block_type_of(block.operator_type_name, std::nullopt, "Enrichment");
    record.name = block.title.value_or("");
    record.description = block.description.value_or("");
    record.configuration = settings_text(block.operator_settings);
    return record;
}

void add_mcl_notebook(const importers::McNotebook& notebook, NotebookContent& content) {
    content.notebook_ids.push_back(normalize_guid(notebook.id));
    for (const auto& block : notebook.blocks) content.chain.push_back(block_from_mcl(block, false));
    for (const auto& block : notebook.dashboard_blocks) {
        content.dashboard_blocks.push_back(block_from_mcl(block, true));
    }
    if (notebook.notebook_dashboard) {
        content.dashboard_ids.push_back(normalize_guid(notebook.notebook_dashboard->id));
        for (const auto& panel : notebook.notebook_dashboard->panels) {
            content.panels.push_back(panel_from_mcl(panel));
        }
    }
}

}  // namespace

storage::PanelRecord panel_from_mcl(const importers::McPanel& panel) {
    storage::PanelRecord record;
    record.id = normalize_guid(panel.id);
    record.title = panel.title.value_or("");
    record.description = panel.description.value_or("");
    record.panel_type = panel.dashboard_panel_classname.value_or("DashboardPanelCalculator");
    record.row = panel.row.value_or(0);
    record.column = panel.column.value_or(0);
    record.width = panel.size_x.value_or(record.width);
    record.height = panel.size_y.value_or(record.height);
    if (panel.input_block_id && is_guid(*panel.input_block_id)) {
        record.block_id = normalize_guid(*panel.input_block_id);
    }
    record.extra_options = panel.extra_options.text.empty() ? "{}" : panel.extra_options.text;
    return record;
}

NotebookContent content_from_mcl(const importers::McDocument& document) {
    NotebookContent content;
    for (const auto& notebook : document.notebooks.value_or(std::vector<importers::McNotebook>{})) {
        add_mcl_notebook(notebook, content);
    }
    for (const auto& block : document.blocks.value_or(std::vector<McBlock>{})) {
        content.chain.push_back(block_from_mcl(block, false));
    }
    auto enrichment =
        document.enrichment_blocks.value_or(std::vector<importers::McEnrichmentBlock>{});
    std::stable_sort(enrichment.begin(), enrichment.end(), [](const auto& a, const auto& b) {
        return a.block_order.value_or(0) < b.block_order.value_or(0);
    });
    for (const auto& block : enrichment) content.chain.push_back(block_from_mcl(block));
    if (document.settings.is_array() || document.settings.is_object()) {
        content.settings = document.settings.dump();
    }
    return content;
}

NotebookContent content_from_mcl(const importers::McNotebook& notebook) {
    NotebookContent content;
    add_mcl_notebook(notebook, content);
    return content;
}

NotebookContent load_notebook_content(storage::Store& store,
                                      const storage::NotebookRecord& notebook) {
    NotebookContent content;
    content.chain = store.blocks().list(notebook.id, false);
    content.dashboard_blocks = store.blocks().list(notebook.id, true);
    content.settings = notebook.settings;
    content.notebook_ids.push_back(notebook.id);
    if (auto dashboard = store.dashboards().find_for_notebook(notebook.id)) {
        content.dashboard_ids.push_back(dashboard->id);
        content.panels = store.dashboards().panels(dashboard->id);
    }
    return content;
}

void add_notebook_content(storage::Store& store, const storage::NotebookRecord& notebook,
                          NotebookContent content, const std::string& author) {
    IdMap ids;
    add_notebook_content(store, notebook, std::move(content), author, ids);
}

void add_notebook_content(storage::Store& store, const storage::NotebookRecord& notebook,
                          NotebookContent content, const std::string& author, IdMap& ids) {
    const auto dashboard = store.dashboards().find_for_notebook(notebook.id);
    for (const auto& id : content.notebook_ids) ids.add(id, notebook.id);
    if (dashboard) {
        for (const auto& id : content.dashboard_ids) ids.add(id, dashboard->id);
    }
    for (auto& block : content.chain) block.id = ids.assign(block.id);
    for (auto& block : content.dashboard_blocks) block.id = ids.assign(block.id);
    for (auto& panel : content.panels) panel.id = ids.assign(panel.id);

    const auto now = now_iso8601();
    auto stamp = [&](storage::BlockRecord& block) {
        block.notebook_id = notebook.id;
        block.configuration = ids.rewrite(block.configuration);
        block.created_by = block.modified_by = author;
        block.date_created = block.date_modified = now;
        block.last_execution_date.reset();
        block.last_execution_status.reset();
        block.execution_count = 0;
    };
    auto chain_ids = block_ids(store.blocks().list(notebook.id, false));
    const size_t first_new = chain_ids.size();
    for (auto& block : content.chain) {
        stamp(block);
        chain_ids.push_back(block.id);
    }
    const auto links = chain_links(chain_ids);
    for (size_t i = 0; i < content.chain.size(); ++i) {
        content.chain[i].parent_id = links[first_new + i].parent_id;
        content.chain[i].position = links[first_new + i].position;
        store.blocks().insert(content.chain[i]);
    }

    auto position = static_cast<int64_t>(store.blocks().list(notebook.id, true).size());
    for (auto& block : content.dashboard_blocks) {
        stamp(block);
        if (block.parent_id) block.parent_id = ids.find(*block.parent_id);
        block.position = position++;
        store.blocks().insert(block);
    }
    if (!dashboard) return;
    for (auto& panel : content.panels) {
        panel.dashboard_id = dashboard->id;
        panel.block_id = panel.block_id ? ids.find(*panel.block_id) : std::nullopt;
        panel.extra_options = ids.rewrite(panel.extra_options);
        panel.date_created = now;
        store.dashboards().insert_panel(panel);
    }
}

}  // namespace pmstudio::services
