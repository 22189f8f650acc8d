#include "services/analysis_mcl.h"

#include <gtest/gtest.h>

#include "importers/mcl_reader.h"
#include "importers/mcl_writer.h"

namespace pmstudio::services {
namespace {

storage::BlockRecord block(const std::string& id, const std::string& type, const std::string& op,
                           std::optional<std::string> parent, bool dashboard) {
    storage::BlockRecord record;
    record.id = id;
    record.block_type = type;
    record.operator_name = op;
    record.name = op + " block";
    record.parent_id = std::move(parent);
    record.is_dashboard_block = dashboard;
    return record;
}

struct Sample {
    storage::NotebookRecord notebook;
    NotebookContent content;
    storage::DashboardRecord dashboard;
};

Sample sample() {
    Sample s;
    s.notebook.id = "10000000-0000-4000-8000-000000000000";
    s.notebook.name = "Stages";
    s.notebook.description = "from a template";
    s.notebook.notebook_type = 1;
    s.notebook.notebook_order = 3;
    s.notebook.settings = R"([{"Name":"Threshold","Value":5}])";
    s.notebook.template_id = "70000000-0000-4000-8000-000000000000";
    auto filter = block("20000000-0000-4000-8000-000000000001", "Filter", "FilterAttribute",
                        std::nullopt, false);
    filter.configuration = "{\r\n  \"ColumnName\": \"Activity\",\r\n  \"CompareMethod\": 1\r\n}";
    filter.mcl_extra = R"({"AutoTitle":true,"DisplaySettings":{"Width":3},"Custom":"kept"})";
    filter.is_disabled = true;
    auto enrichment = block("20000000-0000-4000-8000-000000000002", "Enrichment",
                            "OperatorCaseDuration", filter.id, false);
    auto calculator = block("20000000-0000-4000-8000-000000000003", "Calculator",
                            "CalculatorVariants", enrichment.id, false);
    calculator.configuration = R"({"TopN":5})";
    auto selector = block("30000000-0000-4000-8000-000000000001", "Selector",
                          "SelectorFullCalculator", calculator.id, true);
    selector.configuration = R"({"CalculatorBlockId":")" + calculator.id + R"("})";
    s.content.chain = {filter, enrichment, calculator};
    s.content.dashboard_blocks = {selector};
    storage::PanelRecord panel;
    panel.id = "40000000-0000-4000-8000-000000000001";
    panel.dashboard_id = "50000000-0000-4000-8000-000000000000";
    panel.title = "Variants";
    panel.panel_type = "DashboardPanelDataTable";
    panel.row = 2;
    panel.column = 6;
    panel.width = 4;
    panel.height = 5;
    panel.block_id = selector.id;
    panel.extra_options = R"({"PanelDisableTitle":true})";
    s.content.panels = {panel};
    s.dashboard.id = panel.dashboard_id;
    s.dashboard.project_id = "60000000-0000-4000-8000-000000000000";
    s.dashboard.notebook_id = s.notebook.id;
    s.dashboard.name = s.notebook.id;
    s.dashboard.mcl_extra = R"({"ThumbnailUrl":"https://x/y.png","CopilotInitialStatus":1})";
    return s;
}

// What notebook_content reads back from the MCL text a notebook is written as.
NotebookContent read_back(const importers::McNotebook& notebook) {
    const auto text = importers::write_mcl_notebook(notebook).dump();
    return content_from_mcl(importers::read_mcl_notebook(importers::McJson::parse(text), "n"));
}

TEST(AnalysisMcl, NotebooksReadBackAsTheyWereStored) {
    const Sample s = sample();
    const auto mcl = notebook_to_mcl(s.notebook, s.content, s.dashboard);
    EXPECT_EQ(mcl.blocks[0].is_first_block, true);
    EXPECT_EQ(mcl.blocks[1].block_type, std::nullopt);  // enrichment blocks carry none in MCL
    EXPECT_EQ(mcl.blocks[2].block_type, 2);
    EXPECT_EQ(mcl.extra["TemplateId"], *s.notebook.template_id);
    EXPECT_EQ(mcl.extra["Settings"][0]["Value"], 5);
    const auto back = read_back(mcl);
    ASSERT_EQ(back.chain.size(), 3u);
    for (size_t i = 0; i < back.chain.size(); ++i) {
        const auto& got = back.chain[i];
        const auto& want = s.content.chain[i];
        EXPECT_EQ(got.id, want.id);
        EXPECT_EQ(got.block_type, want.block_type);
        EXPECT_EQ(got.operator_name, want.operator_name);
        EXPECT_EQ(got.name, want.name);
        EXPECT_EQ(got.configuration, want.configuration);  // verbatim, CRLFs included
        EXPECT_EQ(got.is_disabled, want.is_disabled);
        EXPECT_EQ(importers::McJson::parse(got.mcl_extra),
                  importers::McJson::parse(want.mcl_extra));
    }
    ASSERT_EQ(back.dashboard_blocks.size(), 1u);
    EXPECT_EQ(back.dashboard_blocks[0].parent_id, s.content.chain[2].id);
    EXPECT_EQ(back.dashboard_blocks[0].configuration, s.content.dashboard_blocks[0].configuration);
    ASSERT_EQ(back.panels.size(), 1u);
    const auto& panel = back.panels[0];
    const auto& want = s.content.panels[0];
    EXPECT_EQ(std::tie(panel.id, panel.title, panel.panel_type, panel.row, panel.column,
                       panel.width, panel.height, panel.block_id, panel.extra_options),
              std::tie(want.id, want.title, want.panel_type, want.row, want.column, want.width,
                       want.height, want.block_id, want.extra_options));
    EXPECT_EQ(back.dashboard_ids, std::vector<std::string>{s.dashboard.id});
}

TEST(AnalysisMcl, ProjectDashboardsKeepTheirMclFields) {
    Sample s = sample();
    s.dashboard.notebook_id.reset();
    s.dashboard.name = "Overview";
    s.dashboard.description = "weekly";
    s.dashboard.dashboard_order = 2;
    const auto mcl = dashboard_to_mcl(s.dashboard, s.content.panels);
    EXPECT_EQ(mcl.is_notebook_dashboard, false);
    EXPECT_EQ(mcl.thumbnail_url, "https://x/y.png");
    const auto text = importers::write_mcl_dashboard(mcl).dump();
    const auto back =
        dashboard_from_mcl(importers::read_mcl_dashboard(importers::McJson::parse(text), "d"));
    EXPECT_EQ(back.dashboard.id, s.dashboard.id);
    EXPECT_EQ(back.dashboard.name, "Overview");
    EXPECT_EQ(back.dashboard.description, "weekly");
    EXPECT_EQ(back.dashboard.dashboard_order, 2);
    EXPECT_EQ(importers::McJson::parse(back.dashboard.mcl_extra),
              importers::McJson::parse(s.dashboard.mcl_extra));
    ASSERT_EQ(back.panels.size(), 1u);
    EXPECT_EQ(back.panels[0].block_id, s.content.panels[0].block_id);
}

}  // namespace
}  // namespace pmstudio::services
