#pragma once

#include <string>
#include <vector>

#include "importers/mcl_document.h"
#include "services/id_map.h"
#include "storage/store.h"

namespace pmstudio::services {

// What a notebook holds besides its own fields: the block chain, the dashboard selector blocks
// and the panels of its dashboard. Ids are those of the source (an MCL document or another
// notebook) until add_notebook_content gives them new ones.
struct NotebookContent {
    std::vector<storage::BlockRecord> chain;  // in execution order
    std::vector<storage::BlockRecord> dashboard_blocks;
    std::vector<storage::PanelRecord> panels;
    std::string settings = "[]";  // MCL Settings
    // Ids of the source that stand for the notebook or its dashboard (MCL notebook and
    // NotebookDashboard ids); references to them are redirected to the target notebook's.
    std::vector<std::string> notebook_ids;
    std::vector<std::string> dashboard_ids;
};

// The blocks of every notebook of the document in order (each notebook's chain continuing the
// previous one), then the document's own Blocks and its EnrichmentBlocks (by BlockOrder), the
// dashboard blocks and panels of every notebook, and the Settings.
NotebookContent content_from_mcl(const importers::McDocument& document);

// The content of one MCL notebook: its blocks, dashboard blocks and panels (settings stay "[]").
NotebookContent content_from_mcl(const importers::McNotebook& notebook);

// A panel read from MCL: InputblockId becomes block_id (still the source's id), a missing
// class name is a DashboardPanelCalculator.
storage::PanelRecord panel_from_mcl(const importers::McPanel& panel);

// The content of a stored notebook.
NotebookContent load_notebook_content(storage::Store& store,
                                      const storage::NotebookRecord& notebook);

// Appends `content` to the notebook under new ids: the chain after the notebook's last block,
// dashboard blocks and panels into its dashboard. Every reference to a source id (parents, panel
// inputs, ids inside block configurations such as CalculatorBlockId) is rewritten to the new id.
// Runs inside the caller's transaction.
void add_notebook_content(storage::Store& store, const storage::NotebookRecord& notebook,
                          NotebookContent content, const std::string& author);
// The same with the caller's id map: a source id it already maps keeps that new id (a project
// import assigns the ids of a whole package up front, so references between notebooks resolve);
// the others get fresh ids, added to `ids`.
void add_notebook_content(storage::Store& store, const storage::NotebookRecord& notebook,
                          NotebookContent content, const std::string& author, IdMap& ids);

}  // namespace pmstudio::services
