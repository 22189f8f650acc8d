#include "importers/mcl_project.h"

#include <gtest/gtest.h>

#include "importers/import_report.h"
#include "importers/mcl_reader.h"
#include "importers/mcl_writer.h"

namespace pmstudio::importers {
namespace {

constexpr const char* kDataset = "11111111-0000-4000-8000-000000000001";
constexpr const char* kOtherDataset = "11111111-0000-4000-8000-000000000002";

McNotebook notebook(const std::string& id, const std::string& name) {
    McNotebook mcl;
    mcl.id = id;
    mcl.name = name;
    McBlock block;
    block.id = "33333333-0000-4000-8000-" + id.substr(24);
    block.operator_type_name = "CalculatorVariants";
    block.operator_settings = {McJson::object(), "{}"};
    block.block_type = 2;
    block.is_first_block = true;
    mcl.blocks.push_back(block);
    return mcl;
}

McProject sample_project() {
    McProject project;
    project.mcl_version = 2;
    project.log_version = 12;
    project.notebook_version = 3;
    project.project.id = "99999999-0000-4000-8000-000000000000";
    project.project.name = "Claims";
    project.project.description = "all claims";
    project.project.is_active = true;
    project.project.thumbnail_blob = "blobs/thumbnail.png";
    project.project.templates.push_back({"77777777-0000-4000-8000-000000000000", "Discovery",
                                         std::nullopt, "Templates", std::nullopt, true,
                                         "blobs/templates/77777777-0000-4000-8000-000000000000.mcl",
                                         std::nullopt, McJson::object()});
    McDataset dataset;
    dataset.id = kDataset;
    dataset.name = "Claims 2024";
    dataset.source = "Import";
    dataset.case_id_column = "CaseId";
    dataset.activity_column = "Activity";
    dataset.time_column = "Time";
    dataset.data_file = "datasets/11111111-0000-4000-8000-000000000001.pmslog";
    dataset.case_count = 3;
    dataset.columns.push_back({"Amount", "double", true, false, McJson::object()});
    dataset.activity_infos.push_back({"Submit", 3, McJson::object()});
    dataset.extra = {{"SourceFormat", "csv"}};
    project.datasets.push_back(dataset);
    McDataset enriched = dataset;
    enriched.id = kOtherDataset;
    enriched.name = "Claims 2024 - Enriched";
    enriched.source = "Pipeline";
    project.datasets.push_back(enriched);
    McEnrichment enrichment;
    enrichment.id = "44444444-0000-4000-8000-000000000000";
    enrichment.name = "Claims 2024 - Enrichment";
    enrichment.source_dataset_id = kDataset;
    enrichment.output_dataset_id = kOtherDataset;
    enrichment.notebooks.push_back(notebook("55555555-0000-4000-8000-000000000001", "CleanUp"));
    enrichment.extra = McJson::object();
    project.enrichments.push_back(enrichment);
    McInvestigation investigation;
    investigation.id = "66666666-0000-4000-8000-000000000000";
    investigation.name = "Throughput";
    investigation.dataset_id = kDataset;
    investigation.investigation_order = 1;
    investigation.main_notebook = notebook("55555555-0000-4000-8000-000000000002", "Main");
    investigation.notebooks.push_back(notebook("55555555-0000-4000-8000-000000000003", "Other"));
    investigation.extra = McJson::object();
    project.investigations.push_back(investigation);
    McDashboard dashboard;
    dashboard.id = "88888888-0000-4000-8000-000000000000";
    dashboard.name = "Overview";
    project.dashboards.push_back(dashboard);
    project.settings = McJson::array();
    return project;
}

// The message of the ImportError that reading the document text throws.
std::string read_error(const std::string& text) {
    try {
        read_mcl_project(read_mcl(text));
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 400);
        return error.what();
    }
    ADD_FAILURE() << "no ImportError";
    return "";
}

McJson document_json(const McProject& project) {
    return McJson::parse(write_mcl(mcl_project_document(project)));
}

std::string written(const McProject& project) {
    return write_mcl(mcl_project_document(project));
}

TEST(McProject, RoundTripsThroughProjectMcl) {
    const std::string text = written(sample_project());
    const McProject read = read_mcl_project(read_mcl(text));
    EXPECT_EQ(written(read), text);
    EXPECT_EQ(read_mcl_project(read_mcl(written(read))), read);
    EXPECT_EQ(read.investigations[0].main_notebook->blocks[0].id,
              "33333333-0000-4000-8000-000000000002");
    EXPECT_EQ(read.datasets[1].extra["SourceFormat"], "csv");
}

TEST(McProject, WritesMindziesKeysAndNesting) {
    const McJson json = document_json(sample_project());
    EXPECT_EQ(json["ContentType"], 8);
    EXPECT_EQ(json["LogVersion"], 12);
    EXPECT_EQ(json["Projects"][0]["Name"], "Claims");
    EXPECT_EQ(json["Datasets"][0]["DatasetId"], kDataset);
    EXPECT_EQ(json["Datasets"][0]["CaseIdColumnName"], "CaseId");
    EXPECT_EQ(json["Datasets"][0]["ActivityInfos"][0]["ActivityName"], "Submit");
    EXPECT_EQ(json["Investigations"][0]["MainNotebook"]["Blocks"][0]["OperatorTypeName"],
              "CalculatorVariants");
    EXPECT_EQ(json["Enrichments"][0]["Notebooks"][0]["Name"], "CleanUp");
    EXPECT_TRUE(json["Dashboards"][0]["Panels"].is_array());
    EXPECT_TRUE(json["Notebooks"].is_null());
}

TEST(McProject, ReadsSectionsNestedInTheProject) {
    McJson json = document_json(sample_project());
    for (const char* key : {"Datasets", "Enrichments", "Investigations", "Dashboards"}) {
        json["Projects"][0][key] = json[key];
        json[key] = nullptr;
    }
    EXPECT_EQ(read_mcl_project(read_mcl(json.dump())),
              read_mcl_project(read_mcl(written(sample_project()))));
}

TEST(McProject, AcceptsIdUnderTheKeyId) {
    McJson json = document_json(sample_project());
    json["Datasets"][0].erase("DatasetId");
    json["Datasets"][0]["Id"] = kDataset;
    EXPECT_EQ(read_mcl_project(read_mcl(json.dump())).datasets[0].id, kDataset);
}

TEST(McProject, NamesWhatIsWrong) {
    McJson json = document_json(sample_project());
    json["ContentType"] = 1;
    EXPECT_EQ(read_error(json.dump()), "MCL ContentType: expected 8 (a project export), got 1");

    json = document_json(sample_project());
    json["Projects"] = McJson::array();
    EXPECT_EQ(read_error(json.dump()), "MCL Projects: expected one project, got 0");

    json = document_json(sample_project());
    json["Investigations"][0]["DatasetId"] = "00000000-0000-4000-8000-00000000000f";
    EXPECT_EQ(read_error(json.dump()),
              "MCL Investigations[0].DatasetId: '00000000-0000-4000-8000-00000000000f' is not a "
              "dataset of the package");

    json = document_json(sample_project());
    json["Datasets"][1]["DatasetId"] = "not a guid";
    EXPECT_EQ(read_error(json.dump()), "MCL Datasets[1].DatasetId: 'not a guid' is not a GUID");

    json = document_json(sample_project());
    json["Datasets"][1]["Name"] = "Claims 2024";
    EXPECT_EQ(read_error(json.dump()),
              "MCL Datasets[1].Name: two datasets are named 'Claims 2024'");

    json = document_json(sample_project());
    json["Investigations"][0]["Notebooks"][0]["Name"] = "Main";
    EXPECT_EQ(read_error(json.dump()), "MCL Investigations[0]: two notebooks are named 'Main'");

    json = document_json(sample_project());
    json["Investigations"][0]["Notebooks"][0]["Blocks"][0]["Id"] =
        json["Investigations"][0]["MainNotebook"]["Blocks"][0]["Id"];
    EXPECT_EQ(read_error(json.dump()),
              "MCL Investigations[0].Notebooks[0].Blocks[0].Id: the id "
              "'33333333-0000-4000-8000-000000000002' is also the id of "
              "Investigations[0].MainNotebook.Blocks[0]");

    json = document_json(sample_project());
    json["Datasets"][0]["CaseCount"] = "three";
    EXPECT_EQ(read_error(json.dump()),
              "MCL Datasets[0].CaseCount: expected an integer, got string");
}

}  // namespace
}  // namespace pmstudio::importers
