#include "importers/mcl_project.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "common/guid.h"
#include "importers/mcl_object_reader.h"
#include "importers/mcl_reader.h"
#include "importers/mcl_write_parts.h"
#include "importers/mcl_writer.h"

namespace pmstudio::importers {
namespace {

using mcl_write::append_extra;
using mcl_write::list;
using mcl_write::or_null;

// The id of an object: its own key (DatasetId, ...) or, as some producers write it, "Id".
std::string read_id(McObjectReader& fields, std::string_view key) {
    auto id = fields.text(key);
    std::string place = fields.path_of(key);
    if (!id) {
        id = fields.text("Id");
        if (!id) fail_mcl(place, "missing");
        place = fields.path_of("Id");
    }
    if (!is_guid(*id)) fail_mcl(place, fmt::format("'{}' is not a GUID", *id));
    return normalize_guid(*id);
}

std::optional<std::string> optional_id(McObjectReader& fields, std::string_view key) {
    auto id = fields.text(key);
    if (!id) return std::nullopt;
    if (!is_guid(*id)) fail_mcl(fields.path_of(key), fmt::format("'{}' is not a GUID", *id));
    return normalize_guid(*id);
}

// The items of a JSON array (null: none), each read by `read_item(item, path)`.
template <class Item, class ReadItem>
std::vector<Item> items_of(const McJson& value, const std::string& path, ReadItem read_item) {
    std::vector<Item> items;
    if (value.is_null()) return items;
    if (!value.is_array())
        fail_mcl(path, std::string("expected an array, got ") + value.type_name());
    for (size_t i = 0; i < value.size(); ++i) {
        items.push_back(read_item(value[i], path + "[" + std::to_string(i) + "]"));
    }
    return items;
}

McTemplateRef read_template(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McTemplateRef ref;
    ref.id = read_id(fields, "TemplateId");
    ref.name = fields.required_text("Name");
    ref.description = fields.text("Description");
    ref.category = fields.text("Category");
    ref.process_name = fields.text("ProcessName");
    ref.is_global = fields.boolean("IsGlobal");
    ref.mcl_blob = fields.required_text("MclBlob");
    ref.thumbnail_blob = fields.text("ThumbnailBlob");
    ref.extra = fields.rest();
    return ref;
}

McColumn read_column(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McColumn column;
    column.name = fields.required_text("Name");
    column.data_type = fields.text("DataType");
    column.is_case_attribute = fields.boolean("IsCaseAttribute");
    column.is_derived = fields.boolean("IsDerived");
    column.extra = fields.rest();
    return column;
}

McActivityInfo read_activity_info(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McActivityInfo info;
    info.name = fields.required_text("ActivityName");
    info.event_count = fields.integer("EventCount");
    info.extra = fields.rest();
    return info;
}

McDataset read_dataset(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McDataset dataset;
    dataset.id = read_id(fields, "DatasetId");
    dataset.name = fields.required_text("Name");
    dataset.description = fields.text("Description");
    dataset.source = fields.text("Source");
    dataset.case_id_column = fields.text("CaseIdColumnName");
    dataset.activity_column = fields.text("ActivityColumnName");
    dataset.time_column = fields.text("ActivityTimeColumnName");
    dataset.resource_column = fields.text("ResourceColumnName");
    dataset.start_time_column = fields.text("ActivityStartTimeColumnName");
    dataset.expected_order_column = fields.text("ExpectedOrderColumnName");
    dataset.use_date_only_sorting = fields.boolean("UseDateOnlySorting");
    dataset.use_only_event_columns = fields.boolean("UseOnlyEventColumns");
    dataset.is_original = fields.boolean("IsOriginal");
    dataset.data_file = fields.text("DataFile");
    dataset.case_count = fields.integer("CaseCount");
    dataset.event_count = fields.integer("EventCount");
    dataset.culture = fields.text("Culture");
    dataset.time_zone = fields.text("TimeZone");
    dataset.columns =
        fields.list<McColumn>("Columns", read_column).value_or(std::vector<McColumn>{});
    dataset.activity_infos = fields.list<McActivityInfo>("ActivityInfos", read_activity_info)
                                 .value_or(std::vector<McActivityInfo>{});
    dataset.extra = fields.rest();
    return dataset;
}

McEnrichment read_enrichment(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McEnrichment enrichment;
    enrichment.id = read_id(fields, "EnrichmentId");
    enrichment.name = fields.required_text("Name");
    enrichment.description = fields.text("Description");
    enrichment.source_dataset_id = optional_id(fields, "SourceDatasetId");
    enrichment.output_dataset_id = optional_id(fields, "OutputDatasetId");
    enrichment.notebooks =
        fields.list<McNotebook>("Notebooks", read_mcl_notebook).value_or(std::vector<McNotebook>{});
    enrichment.extra = fields.rest();
    return enrichment;
}

McInvestigation read_investigation(const McJson& json, const std::string& path) {
    McObjectReader fields(json, path);
    McInvestigation investigation;
    investigation.id = read_id(fields, "InvestigationId");
    investigation.name = fields.required_text("Name");
    investigation.description = fields.text("Description");
    auto dataset = optional_id(fields, "DatasetId");
    if (!dataset) fail_mcl(fields.path_of("DatasetId"), "missing");
    investigation.dataset_id = *dataset;
    investigation.investigation_order = fields.number("InvestigationOrder");
    investigation.is_used_for_operation_center = fields.boolean("IsUsedForOperationCenter");
    investigation.folder_id = fields.text("FolderId");
    const McJson main = fields.raw("MainNotebook");
    if (!main.is_null()) {
        investigation.main_notebook = read_mcl_notebook(main, fields.path_of("MainNotebook"));
    }
    investigation.notebooks =
        fields.list<McNotebook>("Notebooks", read_mcl_notebook).value_or(std::vector<McNotebook>{});
    investigation.extra = fields.rest();
    return investigation;
}

// The sections a project document may hold at its top level or inside Projects[0].
struct Sections {
    McJson datasets;
    McJson enrichments;
    McJson investigations;
    McJson dashboards;
    McJson settings;
};

McProjectInfo read_project_info(const McJson& json, Sections& nested) {
    McObjectReader fields(json, "Projects[0]");
    McProjectInfo info;
    info.id = read_id(fields, "ProjectId");
    info.name = fields.required_text("Name");
    info.description = fields.text("Description");
    info.is_active = fields.boolean("IsActive");
    info.thumbnail_blob = fields.text("ThumbnailBlob");
    info.templates = fields.list<McTemplateRef>("Templates", read_template)
                         .value_or(std::vector<McTemplateRef>{});
    nested.datasets = fields.raw("Datasets");
    nested.enrichments = fields.raw("Enrichments");
    nested.investigations = fields.raw("Investigations");
    nested.dashboards = fields.raw("Dashboards");
    nested.settings = fields.raw("Settings");
    info.extra = fields.rest();
    return info;
}

// The section from the document, else from Projects[0]; with the path it is read under.
std::pair<const McJson*, std::string> section(const McJson& top, const McJson& nested,
                                              const std::string& key) {
    if (!top.is_null() || nested.is_null()) return {&top, key};
    return {&nested, "Projects[0]." + key};
}

template <class Item, class ReadItem>
std::vector<Item> read_section(const McJson& top, const McJson& nested, const std::string& key,
                               ReadItem read_item) {
    const auto [value, path] = section(top, nested, key);
    return items_of<Item>(*value, path, read_item);
}

// Ids name one object each: a notebook's dashboard may share its notebook's id (mindzieStudio
// writes them so), nothing else may share one.
class IdRegistry {
public:
    void add(const std::string& id, const std::string& place) {
        const auto [it, added] = places_.try_emplace(normalize_guid(id), place);
        if (!added) {
            fail_mcl(place + ".Id",
                     fmt::format("the id '{}' is also the id of {}", id, it->second));
        }
    }
    void add_notebook(const McNotebook& notebook, const std::string& place) {
        add(notebook.id, place);
        for (size_t i = 0; i < notebook.blocks.size(); ++i) {
            add(notebook.blocks[i].id, fmt::format("{}.Blocks[{}]", place, i));
        }
        for (size_t i = 0; i < notebook.dashboard_blocks.size(); ++i) {
            add(notebook.dashboard_blocks[i].id, fmt::format("{}.DashboardBlocks[{}]", place, i));
        }
        if (!notebook.notebook_dashboard) return;
        const auto& dashboard = *notebook.notebook_dashboard;
        if (normalize_guid(dashboard.id) != normalize_guid(notebook.id)) {
            add(dashboard.id, place + ".NotebookDashboard");
        }
        add_panels(dashboard, place + ".NotebookDashboard");
    }
    void add_panels(const McDashboard& dashboard, const std::string& place) {
        for (size_t i = 0; i < dashboard.panels.size(); ++i) {
            add(dashboard.panels[i].id, fmt::format("{}.Panels[{}]", place, i));
        }
    }

private:
    std::map<std::string, std::string> places_;
};

void check_ids(const McProject& project) {
    IdRegistry ids;
    for (size_t i = 0; i < project.datasets.size(); ++i) {
        ids.add(project.datasets[i].id, fmt::format("Datasets[{}]", i));
    }
    for (size_t i = 0; i < project.enrichments.size(); ++i) {
        const auto place = fmt::format("Enrichments[{}]", i);
        ids.add(project.enrichments[i].id, place);
        for (size_t n = 0; n < project.enrichments[i].notebooks.size(); ++n) {
            ids.add_notebook(project.enrichments[i].notebooks[n],
                             fmt::format("{}.Notebooks[{}]", place, n));
        }
    }
    for (size_t i = 0; i < project.investigations.size(); ++i) {
        const auto& investigation = project.investigations[i];
        const auto place = fmt::format("Investigations[{}]", i);
        ids.add(investigation.id, place);
        if (investigation.main_notebook) {
            ids.add_notebook(*investigation.main_notebook, place + ".MainNotebook");
        }
        for (size_t n = 0; n < investigation.notebooks.size(); ++n) {
            ids.add_notebook(investigation.notebooks[n], fmt::format("{}.Notebooks[{}]", place, n));
        }
    }
    for (size_t i = 0; i < project.dashboards.size(); ++i) {
        const auto place = fmt::format("Dashboards[{}]", i);
        ids.add(project.dashboards[i].id, place);
        ids.add_panels(project.dashboards[i], place);
    }
}

void check_references(const McProject& project) {
    std::set<std::string> datasets;
    std::set<std::string> names;
    for (size_t i = 0; i < project.datasets.size(); ++i) {
        datasets.insert(project.datasets[i].id);
        if (!names.insert(project.datasets[i].name).second) {
            fail_mcl(fmt::format("Datasets[{}].Name", i),
                     fmt::format("two datasets are named '{}'", project.datasets[i].name));
        }
    }
    for (size_t i = 0; i < project.investigations.size(); ++i) {
        const auto& investigation = project.investigations[i];
        if (!datasets.contains(investigation.dataset_id)) {
            fail_mcl(fmt::format("Investigations[{}].DatasetId", i),
                     fmt::format("'{}' is not a dataset of the package", investigation.dataset_id));
        }
    }
    auto check_notebook_names = [](const std::vector<const McNotebook*>& notebooks,
                                   const std::string& place) {
        std::set<std::string> seen;
        for (const auto* notebook : notebooks) {
            if (!seen.insert(notebook->name).second) {
                fail_mcl(place, fmt::format("two notebooks are named '{}'", notebook->name));
            }
        }
    };
    for (size_t i = 0; i < project.investigations.size(); ++i) {
        const auto& investigation = project.investigations[i];
        std::vector<const McNotebook*> notebooks;
        if (investigation.main_notebook) notebooks.push_back(&*investigation.main_notebook);
        for (const auto& notebook : investigation.notebooks) notebooks.push_back(&notebook);
        check_notebook_names(notebooks, fmt::format("Investigations[{}]", i));
    }
    for (size_t i = 0; i < project.enrichments.size(); ++i) {
        std::vector<const McNotebook*> notebooks;
        for (const auto& notebook : project.enrichments[i].notebooks)
            notebooks.push_back(&notebook);
        check_notebook_names(notebooks, fmt::format("Enrichments[{}]", i));
        for (const auto& [key, id] :
             {std::pair{"SourceDatasetId", project.enrichments[i].source_dataset_id},
              std::pair{"OutputDatasetId", project.enrichments[i].output_dataset_id}}) {
            if (id && !datasets.contains(*id)) {
                fail_mcl(fmt::format("Enrichments[{}].{}", i, key),
                         fmt::format("'{}' is not a dataset of the package", *id));
            }
        }
    }
}

McJson write_template(const McTemplateRef& ref) {
    McJson json = McJson::object();
    json["TemplateId"] = ref.id;
    json["Name"] = ref.name;
    json["Description"] = or_null(ref.description);
    json["Category"] = or_null(ref.category);
    json["ProcessName"] = or_null(ref.process_name);
    json["IsGlobal"] = or_null(ref.is_global);
    json["MclBlob"] = ref.mcl_blob;
    json["ThumbnailBlob"] = or_null(ref.thumbnail_blob);
    append_extra(json, ref.extra);
    return json;
}

McJson write_project_info(const McProjectInfo& info) {
    McJson json = McJson::object();
    json["ProjectId"] = info.id;
    json["Name"] = info.name;
    json["Description"] = or_null(info.description);
    json["IsActive"] = or_null(info.is_active);
    json["ThumbnailBlob"] = or_null(info.thumbnail_blob);
    json["Templates"] = list(info.templates, write_template);
    append_extra(json, info.extra);
    return json;
}

McJson write_column(const McColumn& column) {
    McJson json = McJson::object();
    json["Name"] = column.name;
    json["DataType"] = or_null(column.data_type);
    json["IsCaseAttribute"] = or_null(column.is_case_attribute);
    json["IsDerived"] = or_null(column.is_derived);
    append_extra(json, column.extra);
    return json;
}

McJson write_activity_info(const McActivityInfo& info) {
    McJson json = McJson::object();
    json["ActivityName"] = info.name;
    json["EventCount"] = or_null(info.event_count);
    append_extra(json, info.extra);
    return json;
}

McJson write_dataset(const McDataset& dataset) {
    McJson json = McJson::object();
    json["DatasetId"] = dataset.id;
    json["Name"] = dataset.name;
    json["Description"] = or_null(dataset.description);
    json["Source"] = or_null(dataset.source);
    json["CaseIdColumnName"] = or_null(dataset.case_id_column);
    json["ActivityColumnName"] = or_null(dataset.activity_column);
    json["ActivityTimeColumnName"] = or_null(dataset.time_column);
    json["ResourceColumnName"] = or_null(dataset.resource_column);
    json["ActivityStartTimeColumnName"] = or_null(dataset.start_time_column);
    json["ExpectedOrderColumnName"] = or_null(dataset.expected_order_column);
    json["UseDateOnlySorting"] = or_null(dataset.use_date_only_sorting);
    json["UseOnlyEventColumns"] = or_null(dataset.use_only_event_columns);
    json["IsOriginal"] = or_null(dataset.is_original);
    json["DataFile"] = or_null(dataset.data_file);
    json["CaseCount"] = or_null(dataset.case_count);
    json["EventCount"] = or_null(dataset.event_count);
    json["Culture"] = or_null(dataset.culture);
    json["TimeZone"] = or_null(dataset.time_zone);
    json["Columns"] = list(dataset.columns, write_column);
    json["ActivityInfos"] = list(dataset.activity_infos, write_activity_info);
    append_extra(json, dataset.extra);
    return json;
}

McJson write_enrichment(const McEnrichment& enrichment) {
    McJson json = McJson::object();
    json["EnrichmentId"] = enrichment.id;
    json["Name"] = enrichment.name;
    json["Description"] = or_null(enrichment.description);
    json["SourceDatasetId"] = or_null(enrichment.source_dataset_id);
    json["OutputDatasetId"] = or_null(enrichment.output_dataset_id);
    json["Notebooks"] = list(enrichment.notebooks, write_mcl_notebook);
    append_extra(json, enrichment.extra);
    return json;
}

McJson write_investigation(const McInvestigation& investigation) {
    McJson json = McJson::object();
    json["InvestigationId"] = investigation.id;
    json["Name"] = investigation.name;
    json["Description"] = or_null(investigation.description);
    json["DatasetId"] = investigation.dataset_id;
    json["InvestigationOrder"] = or_null(investigation.investigation_order);
    json["IsUsedForOperationCenter"] = or_null(investigation.is_used_for_operation_center);
    json["FolderId"] = or_null(investigation.folder_id);
    json["MainNotebook"] =
        investigation.main_notebook ? write_mcl_notebook(*investigation.main_notebook) : McJson();
    json["Notebooks"] = list(investigation.notebooks, write_mcl_notebook);
    append_extra(json, investigation.extra);
    return json;
}

}  // namespace

McProject read_mcl_project(const McDocument& document) {
    if (document.content_type != kProjectContentType) {
        fail_mcl("ContentType", fmt::format("expected {} (a project export), got {}",
                                            kProjectContentType, document.content_type));
    }
    if (!document.projects.is_array() || document.projects.size() != 1) {
        fail_mcl("Projects",
                 document.projects.is_array()
                     ? fmt::format("expected one project, got {}", document.projects.size())
                     : std::string("expected an array with one project, got ") +
                           document.projects.type_name());
    }
    McProject project;
    project.mcl_version = document.mcl_version;
    project.log_version = document.log_version;
    project.notebook_version = document.notebook_version;
    project.package_notes = document.package_notes;
    Sections nested;
    project.project = read_project_info(document.projects[0], nested);
    project.datasets =
        read_section<McDataset>(document.datasets, nested.datasets, "Datasets", read_dataset);
    project.enrichments = read_section<McEnrichment>(document.enrichments, nested.enrichments,
                                                     "Enrichments", read_enrichment);
    project.investigations = read_section<McInvestigation>(
        document.investigations, nested.investigations, "Investigations", read_investigation);
    project.dashboards = read_section<McDashboard>(document.dashboards, nested.dashboards,
                                                   "Dashboards", read_mcl_dashboard);
    project.settings = *section(document.settings, nested.settings, "Settings").first;
    check_ids(project);
    check_references(project);
    return project;
}

McDocument mcl_project_document(const McProject& project) {
    McDocument document;
    document.mcl_version = project.mcl_version;
    document.log_version = project.log_version;
    document.notebook_version = project.notebook_version;
    document.package_notes = project.package_notes;
    document.content_type = kProjectContentType;
    document.projects = McJson::array({write_project_info(project.project)});
    document.datasets = list(project.datasets, write_dataset);
    document.enrichments = list(project.enrichments, write_enrichment);
    document.investigations = list(project.investigations, write_investigation);
    document.dashboards = list(project.dashboards, write_mcl_dashboard);
    document.settings = project.settings.is_null() ? McJson::array() : project.settings;
    return document;
}

}  // namespace pmstudio::importers
