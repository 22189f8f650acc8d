#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// Our model of an MCL document, mindzieStudio's JSON export of notebooks, templates and projects
// (see docs/mcl.md). Field names follow the MCL keys; optional fields are null or absent in the
// file. Each object keeps the keys we do not model, in file order, in `extra`, so that they survive
// a read-write round trip.
namespace pmstudio::importers {

using McJson = nlohmann::ordered_json;

// A JSON value that MCL stores as a string holding JSON (OperatorSettings, ExtraOptions).
struct McEmbeddedJson {
    McJson value;      // the parsed string; null when the key is null or absent
    std::string text;  // the string as read; written verbatim while it still parses to `value`

    bool operator==(const McEmbeddedJson&) const = default;
};

// An entry of a notebook's Blocks or DashboardBlocks, or of the document's Blocks.
struct McBlock {
    std::string id;
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<bool> auto_title;
    std::optional<bool> disabled;
    std::optional<double> importance_score;
    McJson display_settings;  // kept as is
    std::string operator_type_name;
    McEmbeddedJson operator_settings;
    std::optional<int64_t> block_type;  // 1 filter, 2 calculator, 3 dashboard selector, ...
    std::optional<std::string> parent_block_id;
    std::optional<bool> is_first_block;
    McJson prompt;     // kept as is
    McJson prompt_id;  // kept as is
    McJson extra;

    bool operator==(const McBlock&) const = default;
};

// An entry of the document's EnrichmentBlocks.
struct McEnrichmentBlock {
    std::string id;
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::string operator_type_name;
    McEmbeddedJson operator_settings;
    std::optional<double> block_order;
    McJson extra;

    bool operator==(const McEnrichmentBlock&) const = default;
};

// An entry of a dashboard's Panels.
struct McPanel {
    std::string id;
    std::optional<std::string> dashboard_id;  // MCL key "Dashboardid"
    std::optional<std::string> title;
    std::optional<int64_t> row;
    std::optional<int64_t> column;
    std::optional<int64_t> size_x;
    std::optional<int64_t> size_y;
    std::optional<std::string> description;
    std::optional<std::string> input_block_id;  // MCL key "InputblockId"
    McEmbeddedJson extra_options;
    std::optional<std::string> dashboard_panel_classname;
    McJson extra;

    bool operator==(const McPanel&) const = default;
};

// A notebook's NotebookDashboard.
struct McDashboard {
    std::optional<int64_t> version;
    std::string id;
    std::optional<std::string> project_id;
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<bool> is_notebook_dashboard;
    std::optional<double> dashboard_order;
    std::optional<std::string> thumbnail_url;
    std::optional<int64_t> copilot_initial_status;
    std::vector<McPanel> panels;
    McJson extra;

    bool operator==(const McDashboard&) const = default;
};

struct McNotebook {
    std::optional<int64_t> version;
    std::string id;
    std::string name;
    std::optional<std::string> description;
    std::optional<double> notebook_order;
    std::vector<McBlock> blocks;
    std::vector<McBlock> dashboard_blocks;
    std::optional<McDashboard> notebook_dashboard;
    std::optional<int64_t> notebook_type;
    McJson extra;

    bool operator==(const McNotebook&) const = default;
};

struct McDocument {
    std::optional<int64_t> mcl_version;
    std::optional<int64_t> log_version;
    std::optional<int64_t> notebook_version;
    McJson package_notes;      // kept as is, like the other sections we do not model
    int64_t content_type = 0;  // 1 notebook, 7 enrichment, ...
    McJson projects;
    McJson datasets;
    McJson enrichments;
    McJson investigations;
    McJson dashboards;
    std::optional<std::vector<McNotebook>> notebooks;  // required key; may be null
    std::optional<std::vector<McBlock>> blocks;
    std::optional<std::vector<McEnrichmentBlock>> enrichment_blocks;
    McJson enrichment_notebooks;
    McJson settings;
    McJson extra;

    bool operator==(const McDocument&) const = default;
};

}  // namespace pmstudio::importers
