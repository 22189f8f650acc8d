#include "services/project_export.h"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <set>

#include "common/clock.h"
#include "common/text.h"
#include "eventlog/binary_format.h"
#include "importers/mcl_project.h"
#include "importers/mcl_writer.h"
#include "importers/mpz_writer.h"
#include "services/analysis_mcl.h"
#include "services/package_layout.h"
#include "services/project_lookup.h"

namespace pmstudio::services {
namespace {

using importers::McJson;
constexpr int64_t kAll = std::numeric_limits<int64_t>::max();

// A directory removed with everything in it when this goes out of scope.
class ScopedDirectory {
public:
    explicit ScopedDirectory(std::filesystem::path path) : path_(std::move(path)) {
        std::filesystem::create_directories(path_);
    }
    ~ScopedDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScopedDirectory(const ScopedDirectory&) = delete;
    ScopedDirectory& operator=(const ScopedDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct TemplateBlob {
    storage::TemplateRecord record;
    std::optional<storage::Thumbnail> thumbnail;
};

// What the package holds, read in one transaction.
struct Snapshot {
    importers::McProject mcl;
    std::optional<storage::Thumbnail> thumbnail;
    std::vector<storage::DatasetRecord> datasets;
    std::map<std::string, std::filesystem::path> staged_files;  // by dataset id
    std::vector<TemplateBlob> templates;
};

// A hard link keeps the version being exported readable even if an update replaces (and deletes)
// it meanwhile; a copy where the file system cannot link.
void stage(const std::filesystem::path& source, const std::filesystem::path& target) {
    std::error_code error;
    std::filesystem::create_hard_link(source, target, error);
    if (error) std::filesystem::copy_file(source, target);
}

importers::McDataset dataset_to_mcl(const storage::DatasetRecord& dataset) {
    importers::McDataset mcl;
    mcl.id = dataset.id;
    mcl.name = dataset.name;
    mcl.description = unless_empty(dataset.description);
    mcl.source = "Import";
    mcl.case_id_column = dataset.case_id_column;
    mcl.activity_column = dataset.activity_column;
    mcl.time_column = dataset.time_column;
    mcl.resource_column = dataset.resource_column;
    mcl.start_time_column = dataset.begin_time_column;
    mcl.expected_order_column = dataset.expected_order_column;
    mcl.use_date_only_sorting = dataset.use_date_only_sorting;
    mcl.use_only_event_columns = dataset.use_only_event_columns;
    mcl.is_original = dataset.is_original;
    mcl.data_file =
        package_layout::dataset_member(dataset.id, package_layout::kOwnDatasetExtension);
    mcl.case_count = dataset.case_count;
    mcl.event_count = dataset.event_count;
    mcl.culture = dataset.culture;
    mcl.time_zone = dataset.time_zone;
    mcl.extra = McJson::object();
    mcl.extra["SourceFormat"] = dataset.source_format;
    mcl.extra["InvalidValueCount"] = dataset.invalid_value_count;
    mcl.extra["SkippedRowsCount"] = dataset.skipped_rows_count;
    return mcl;
}

// The attribute columns and the activities with their event counts, from the log itself.
void describe_log(const eventlog::EventLog& log, importers::McDataset& mcl) {
    auto add_columns = [&](const std::vector<eventlog::Column>& columns, bool case_level) {
        for (const auto& column : columns) {
            importers::McColumn entry;
            entry.name = column.name;
            entry.data_type = std::string(eventlog::value_type_name(column.type));
            entry.is_case_attribute = case_level;
            entry.is_derived = column.derived;
            entry.extra = McJson::object();
            mcl.columns.push_back(std::move(entry));
        }
    };
    add_columns(log.case_attributes, true);
    add_columns(log.event_attributes, false);
    std::vector<int64_t> counts(log.activities.size(), 0);
    for (const uint32_t activity : log.activity) ++counts[activity];
    for (size_t i = 0; i < log.activities.size(); ++i) {
        mcl.activity_infos.push_back({log.activities[i], counts[i], McJson::object()});
    }
}

importers::McInvestigation investigation_to_mcl(storage::Store& store,
                                                const storage::InvestigationRecord& investigation,
                                                std::set<std::string>& template_ids) {
    importers::McInvestigation mcl;
    mcl.id = investigation.id;
    mcl.name = investigation.name;
    mcl.description = unless_empty(investigation.description);
    mcl.dataset_id = investigation.dataset_id;
    mcl.investigation_order = investigation.investigation_order;
    mcl.is_used_for_operation_center = investigation.is_used_for_operation_center;
    mcl.folder_id = investigation.folder_id;
    mcl.extra = McJson::object();
    for (const auto& notebook : store.notebooks().list(investigation.id)) {
        if (notebook.template_id) template_ids.insert(*notebook.template_id);
        auto mcl_notebook = notebook_to_mcl(notebook, load_notebook_content(store, notebook),
                                            store.dashboards().find_for_notebook(notebook.id));
        if (notebook.is_main) {
            mcl.main_notebook = std::move(mcl_notebook);
        } else {
            mcl.notebooks.push_back(std::move(mcl_notebook));
        }
    }
    return mcl;
}

Snapshot take_snapshot(storage::Store& store, const std::string& tenant_id,
                       const std::string& project_id, const storage::TenantStorage& storage,
                       const std::filesystem::path& staging) {
    Snapshot snapshot;
    auto& mcl = snapshot.mcl;
    mcl.mcl_version = 2;
    mcl.log_version = 12;
    mcl.notebook_version = 3;
    mcl.package_notes = "Exported by pmstudio on " + now_iso8601();
    mcl.settings = McJson::array();
    const auto project = require_project(store, tenant_id, project_id);
    mcl.project.id = project.id;
    mcl.project.name = project.name;
    mcl.project.description = project.description;
    mcl.project.is_active = project.is_active;
    mcl.project.extra = McJson::object();
    snapshot.thumbnail = store.project_thumbnails().find(project_id);
    if (snapshot.thumbnail) {
        mcl.project.thumbnail_blob =
            package_layout::image_member("thumbnail", snapshot.thumbnail->mime_type);
    }
    snapshot.datasets = store.datasets().list(project_id);
    for (const auto& dataset : snapshot.datasets) {
        const auto staged =
            staging / (dataset.id + std::string(package_layout::kOwnDatasetExtension));
        stage(storage.dataset_directory(tenant_id, dataset.id) / dataset.stored_file, staged);
        snapshot.staged_files[dataset.id] = staged;
        mcl.datasets.push_back(dataset_to_mcl(dataset));
    }
    std::set<std::string> template_ids;
    for (const auto& investigation : store.investigations().list(project_id, 0, kAll)) {
        mcl.investigations.push_back(investigation_to_mcl(store, investigation, template_ids));
    }
    for (const auto& dashboard : store.dashboards().list(project_id, 0, kAll)) {
        if (dashboard.notebook_id) continue;  // travels with its notebook
        mcl.dashboards.push_back(
            dashboard_to_mcl(dashboard, store.dashboards().panels(dashboard.id)));
    }
    for (const auto& id : template_ids) {
        auto record = store.templates().find(id);
        if (!record) continue;
        importers::McTemplateRef ref;
        ref.id = record->id;
        ref.name = record->name;
        ref.description = unless_empty(record->description);
        ref.category = record->category;
        ref.process_name = record->process_name;
        ref.is_global = !record->tenant_id.has_value();
        ref.mcl_blob = package_layout::template_member(record->id);
        auto thumbnail = store.templates().thumbnail(id);
        if (thumbnail) {
            ref.thumbnail_blob =
                package_layout::image_member("templates/" + record->id, thumbnail->mime_type);
        }
        ref.extra = McJson::object();
        mcl.project.templates.push_back(std::move(ref));
        snapshot.templates.push_back({std::move(*record), std::move(thumbnail)});
    }
    return snapshot;
}

void write_package(Snapshot& snapshot, const std::filesystem::path& output) {
    // One log at a time: the columns and activities for project.mcl come from the data itself.
    for (auto& dataset : snapshot.mcl.datasets) {
        describe_log(eventlog::read_event_log_file(snapshot.staged_files.at(dataset.id)), dataset);
    }
    importers::MpzWriter writer(output);
    writer.add_bytes(std::string(package_layout::kDocument),
                     importers::write_mcl(importers::mcl_project_document(snapshot.mcl)));
    for (const auto& dataset : snapshot.mcl.datasets) {
        // The binary format compresses its columns already.
        writer.add_file(*dataset.data_file, snapshot.staged_files.at(dataset.id), false);
    }
    if (snapshot.thumbnail) {
        writer.add_bytes(*snapshot.mcl.project.thumbnail_blob, snapshot.thumbnail->image);
    }
    for (size_t i = 0; i < snapshot.templates.size(); ++i) {
        const auto& ref = snapshot.mcl.project.templates[i];
        writer.add_bytes(ref.mcl_blob, snapshot.templates[i].record.mcl_text);
        if (ref.thumbnail_blob) {
            writer.add_bytes(*ref.thumbnail_blob, snapshot.templates[i].thumbnail->image);
        }
    }
    writer.close();
}

}  // namespace

ProjectExportService::Package ProjectExportService::export_project(const std::string& tenant_id,
                                                                   const std::string& project_id) {
    require_project(store_, tenant_id, project_id);
    Package package;
    package.file = tenant_storage_.new_upload_path(tenant_id);
    try {
        package.project_name = export_project(tenant_id, project_id, package.file);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(package.file, ignored);
        throw;
    }
    return package;
}

std::string ProjectExportService::export_project(const std::string& tenant_id,
                                                 const std::string& project_id,
                                                 const std::filesystem::path& output) {
    use_project(store_, cache_, tenant_id, project_id);
    const ScopedDirectory staging(tenant_storage_.new_upload_path(tenant_id).string() + ".export");
    Snapshot snapshot;
    store_.transaction([&] {
        snapshot = take_snapshot(store_, tenant_id, project_id, tenant_storage_, staging.path());
    });
    write_package(snapshot, output);
    return snapshot.mcl.project.name;
}

}  // namespace pmstudio::services
