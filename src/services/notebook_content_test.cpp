#include "services/notebook_content.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/guid.h"
#include "importers/mcl_reader.h"
#include "services/block_chain.h"
#include "services/notebook_creation.h"

namespace pmstudio::services {
namespace {

constexpr const char* kDate = "2024-01-01T00:00:00.000Z";

std::string example(const std::string& name) {
    std::ifstream in(std::string(PMSTUDIO_SHARED_DATA_DIR) + "/../spec/mcl-examples/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class NotebookContentTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(directory);
        store = storage::open_sqlite_store(directory / "pmstudio.db");
        storage::TenantRecord tenant;
        tenant.id = "tenant";
        tenant.name = tenant.display_name = "tenant";
        tenant.date_created = kDate;
        store->tenants().insert(tenant);
        storage::ProjectRecord project;
        project.id = "project";
        project.tenant_id = tenant.id;
        project.name = "project";
        project.date_created = project.date_modified = kDate;
        store->projects().insert(project);
        storage::DatasetRecord dataset;
        dataset.id = "dataset";
        dataset.project_id = project.id;
        dataset.name = "dataset";
        dataset.date_created = kDate;
        store->datasets().insert(dataset);
        storage::InvestigationRecord investigation;
        investigation.id = "investigation";
        investigation.project_id = project.id;
        investigation.dataset_id = dataset.id;
        investigation.name = "investigation";
        investigation.date_created = investigation.date_modified = kDate;
        store->investigations().insert(investigation);
    }
    void TearDown() override {
        store.reset();
        std::filesystem::remove_all(directory);
    }

    storage::NotebookRecord add_notebook(const std::string& name) {
        storage::NotebookRecord notebook;
        notebook.id = new_guid();
        notebook.investigation_id = "investigation";
        notebook.name = name;
        notebook.date_created = notebook.date_modified = kDate;
        insert_notebook(*store, notebook, "project");
        return notebook;
    }

    std::filesystem::path directory =
        std::filesystem::temp_directory_path() / ("pmstudio-content-" + new_guid());
    std::unique_ptr<storage::Store> store;
};

TEST_F(NotebookContentTest, ReadsNotebookBlocksDashboardBlocksAndPanelsFromMcl) {
    const auto content = content_from_mcl(importers::read_mcl(example("WaitingForBed.mcl")));
    ASSERT_EQ(content.chain.size(), 2u);
    EXPECT_EQ(content.chain[0].operator_name, "FilterAttribute");
    EXPECT_EQ(content.chain[0].block_type, "Filter");
    EXPECT_EQ(content.chain[1].block_type, "Calculator");
    ASSERT_EQ(content.dashboard_blocks.size(), 1u);
    EXPECT_EQ(content.dashboard_blocks[0].block_type, "Selector");
    ASSERT_EQ(content.panels.size(), 1u);
    EXPECT_EQ(content.panels[0].width, 6);
    EXPECT_EQ(content.panels[0].height, 3);
    EXPECT_EQ(content.panels[0].block_id, "55555555-5555-5555-5555-555555555555");
    EXPECT_EQ(content.notebook_ids,
              std::vector<std::string>{"11111111-1111-1111-1111-111111111111"});
}

TEST_F(NotebookContentTest, EnrichmentBlocksJoinTheChainInBlockOrder) {
    const auto content =
        content_from_mcl(importers::read_mcl(example("enrichment-TimeSinceLastActivity.json")));
    ASSERT_EQ(content.chain.size(), 1u);
    EXPECT_EQ(content.chain[0].block_type, "Enrichment");
    EXPECT_NE(content.chain[0].configuration.find("\r\n"), std::string::npos);
}

TEST_F(NotebookContentTest, AddingRemapsEveryReferenceToNewIds) {
    const auto notebook = add_notebook("target");
    add_notebook_content(*store, notebook,
                         content_from_mcl(importers::read_mcl(example("WaitingForBed.mcl"))),
                         "tester");
    const auto chain = store->blocks().list(notebook.id, false);
    const auto selectors = store->blocks().list(notebook.id, true);
    ASSERT_EQ(chain.size(), 2u);
    ASSERT_EQ(selectors.size(), 1u);
    EXPECT_EQ(chain[0].parent_id, std::nullopt);
    EXPECT_EQ(chain[1].parent_id, chain[0].id);
    EXPECT_NE(chain[1].id, "44444444-4444-4444-4444-444444444444");
    EXPECT_EQ(selectors[0].parent_id, chain[1].id);
    EXPECT_NE(selectors[0].configuration.find(chain[1].id), std::string::npos);
    EXPECT_EQ(selectors[0].configuration.find("44444444"), std::string::npos);
    const auto dashboard = store->dashboards().find_for_notebook(notebook.id);
    ASSERT_TRUE(dashboard.has_value());
    const auto panels = store->dashboards().panels(dashboard->id);
    ASSERT_EQ(panels.size(), 1u);
    EXPECT_EQ(panels[0].block_id, selectors[0].id);
    EXPECT_EQ(panels[0].title, "Bed Assignment");
}

TEST_F(NotebookContentTest, CopiesAppendAfterTheExistingChain) {
    const auto source = add_notebook("source");
    add_notebook_content(*store, source,
                         content_from_mcl(importers::read_mcl(example("WaitingForDoctor.mcl"))),
                         "tester");
    const auto target = add_notebook("target");
    add_notebook_content(*store, target, load_notebook_content(*store, source), "tester");
    add_notebook_content(*store, target, load_notebook_content(*store, source), "tester");
    const auto chain = store->blocks().list(target.id, false);
    ASSERT_EQ(chain.size(), 4u);
    EXPECT_EQ(chain_links(block_ids(chain)).back().parent_id, chain[2].id);
    for (size_t i = 0; i < chain.size(); ++i) {
        EXPECT_EQ(chain[i].position, static_cast<int64_t>(i));
        EXPECT_EQ(chain[i].parent_id,
                  i == 0 ? std::nullopt : std::optional<std::string>(chain[i - 1].id));
    }
    const auto selectors = store->blocks().list(target.id, true);
    ASSERT_EQ(selectors.size(), 2u);
    EXPECT_EQ(selectors[0].parent_id, chain[1].id);
    EXPECT_EQ(selectors[1].parent_id, chain[3].id);
    EXPECT_EQ(store->blocks().list(source.id, false).size(), 2u);
}

TEST(BlockChainTest, LinksFollowTheOrder) {
    const auto links = chain_links({"a", "b", "c"});
    ASSERT_EQ(links.size(), 3u);
    EXPECT_EQ(links[0].parent_id, std::nullopt);
    EXPECT_EQ(links[1].parent_id, "a");
    EXPECT_EQ(links[2].parent_id, "b");
    EXPECT_EQ(links[2].position, 2);
    EXPECT_TRUE(chain_links({}).empty());
}

}  // namespace
}  // namespace pmstudio::services
