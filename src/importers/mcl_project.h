#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/mcl_document.h"

// The project parts of an MCL document of ContentType 8, the `project.mcl` of a project package
// (.mpz; docs/project-transfer.md). Field names follow the MCL keys; as in mcl_document.h every
// object keeps the keys we do not model in `extra`.
namespace pmstudio::importers {

constexpr int64_t kProjectContentType = 8;

// A template the project's notebooks were made from; its MCL text travels as a blob.
struct McTemplateRef {
    std::string id;  // "TemplateId"
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> category;
    std::optional<std::string> process_name;
    std::optional<bool> is_global;
    std::string mcl_blob;  // "MclBlob": member path, e.g. blobs/templates/<id>.mcl
    std::optional<std::string> thumbnail_blob;
    McJson extra;

    bool operator==(const McTemplateRef&) const = default;
};

// Projects[0]: the project's own settings.
struct McProjectInfo {
    std::string id;  // "ProjectId"
    std::string name;
    std::optional<std::string> description;
    std::optional<bool> is_active;
    std::optional<std::string> thumbnail_blob;  // "ThumbnailBlob": member path
    std::vector<McTemplateRef> templates;
    McJson extra;

    bool operator==(const McProjectInfo&) const = default;
};

// An entry of a dataset's Columns: an attribute column besides the mapped ones.
struct McColumn {
    std::string name;
    std::optional<std::string> data_type;  // String, Integer, Double, Boolean, DateTime, TimeSpan
    std::optional<bool> is_case_attribute;
    std::optional<bool> is_derived;  // calculated by an enrichment
    McJson extra;

    bool operator==(const McColumn&) const = default;
};

// An entry of a dataset's ActivityInfos.
struct McActivityInfo {
    std::string name;  // "ActivityName"
    std::optional<int64_t> event_count;
    McJson extra;

    bool operator==(const McActivityInfo&) const = default;
};

struct McDataset {
    std::string id;  // "DatasetId"
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> source;  // "Import", or "Pipeline" for an enrichment's output
    std::optional<std::string> case_id_column;         // "CaseIdColumnName"
    std::optional<std::string> activity_column;        // "ActivityColumnName"
    std::optional<std::string> time_column;            // "ActivityTimeColumnName"
    std::optional<std::string> resource_column;        // "ResourceColumnName"
    std::optional<std::string> start_time_column;      // "ActivityStartTimeColumnName"
    std::optional<std::string> expected_order_column;  // "ExpectedOrderColumnName"
    std::optional<bool> use_date_only_sorting;
    std::optional<bool> use_only_event_columns;
    std::optional<bool> is_original;
    std::optional<std::string> data_file;  // "DataFile": member path, e.g. datasets/<id>.pmslog
    std::optional<int64_t> case_count;
    std::optional<int64_t> event_count;
    std::optional<std::string> culture;
    std::optional<std::string> time_zone;
    std::vector<McColumn> columns;
    std::vector<McActivityInfo> activity_infos;
    McJson extra;

    bool operator==(const McDataset&) const = default;
};

// An enrichment pipeline: notebooks of enrichment blocks run on a source dataset, whose output is
// another dataset of the package (Source "Pipeline").
struct McEnrichment {
    std::string id;  // "EnrichmentId"
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> source_dataset_id;
    std::optional<std::string> output_dataset_id;
    std::vector<McNotebook> notebooks;
    McJson extra;

    bool operator==(const McEnrichment&) const = default;
};

struct McInvestigation {
    std::string id;  // "InvestigationId"
    std::string name;
    std::optional<std::string> description;
    std::string dataset_id;
    std::optional<double> investigation_order;
    std::optional<bool> is_used_for_operation_center;
    std::optional<std::string> folder_id;
    std::optional<McNotebook> main_notebook;
    std::vector<McNotebook> notebooks;  // the others, in order
    McJson extra;

    bool operator==(const McInvestigation&) const = default;
};

struct McProject {
    std::optional<int64_t> mcl_version;
    std::optional<int64_t> log_version;
    std::optional<int64_t> notebook_version;
    McJson package_notes;
    McProjectInfo project;
    std::vector<McDataset> datasets;
    std::vector<McEnrichment> enrichments;
    std::vector<McInvestigation> investigations;
    std::vector<McDashboard> dashboards;  // the project's own; notebooks carry theirs
    McJson settings;

    bool operator==(const McProject&) const = default;
};

// The project of a document read by read_mcl. ContentType must be 8 and Projects must hold one
// project; Datasets, Enrichments, Investigations, Dashboards and Settings are taken from the
// document or, where the document has none, from Projects[0]. Ids are GUIDs; an investigation's
// DatasetId names a dataset of the package. Problems throw ImportError(400) naming the place, e.g.
// "MCL Investigations[1].DatasetId: 'x' is not a dataset of the package".
McProject read_mcl_project(const McDocument& document);

// The document write_mcl turns into a project.mcl (keys in mindzie's PascalCase, lists empty
// rather than null).
McDocument mcl_project_document(const McProject& project);

}  // namespace pmstudio::importers
