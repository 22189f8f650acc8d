#include "services/project_import.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "common/base64.h"
#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "common/text.h"
#include "eventlog/binary_format.h"
#include "importers/import_report.h"
#include "importers/mcl_project.h"
#include "importers/mcl_reader.h"
#include "mining/block_validator.h"
#include "services/analysis_mcl.h"
#include "services/dashboard_service.h"
#include "services/import_plan.h"
#include "services/notebook_content.h"
#include "services/notebook_creation.h"
#include "services/package_datasets.h"
#include "services/package_layout.h"
#include "services/project_lookup.h"
#include "services/tenant_service.h"
#include "services/thumbnail_image.h"

namespace pmstudio::services {
namespace {

using importers::McJson;
using importers::McNotebook;

[[noreturn]] void bad_package(const std::string& problem) {
    throw importers::ImportError(400, "Invalid .mpz package: " + problem);
}

importers::McProject read_document(const importers::MpzArchive& archive) {
    const std::string document(package_layout::kDocument);
    if (!archive.contains(document)) bad_package("the package has no " + document);
    try {
        return importers::read_mcl_project(importers::read_mcl(archive.read_text(document)));
    } catch (const importers::ImportError& error) {
        bad_package(document + ": " + error.what());
    }
}

// One import, from the package read to the commit (and the clean-up when it fails).
class ImportRun {
public:
    ImportRun(storage::Store& store, storage::TenantStorage& tenant_storage,
              TemplateService& templates, const Caller& caller, std::string tenant_id,
              const importers::MpzArchive& archive, importers::McProject package,
              const DuplicateHandling& handling)
        : store_(store),
          tenant_storage_(tenant_storage),
          templates_(templates),
          caller_(caller),
          tenant_id_(std::move(tenant_id)),
          archive_(archive),
          package_(std::move(package)),
          handling_(handling),
          now_(now_iso8601()) {}

    ProjectImportResult run();
    // Files written for datasets that replaced others: the replaced ones, to delete after commit.
    const std::vector<std::filesystem::path>& replaced_files() const { return replaced_files_; }
    std::vector<std::string> overwritten_datasets() const;

private:
    void prepare_datasets();
    void prepare_thumbnail();
    void prepare_templates();
    void assign_ids();
    void commit();
    void write_datasets();
    void write_templates();
    void write_template_thumbnail(const importers::McTemplateRef& ref,
                                  const std::string& template_id);
    void write_investigation(const InvestigationStep& step);
    void write_notebook(const McNotebook& notebook, const std::string& investigation_id,
                        bool is_main, double order);
    void write_dashboard(const DashboardStep& step);
    void discard_written_files();
    std::optional<std::string> target_dataset(const std::string& package_id) const;
    bool imported(const InvestigationStep& step) const;
    void warn(std::string type, std::string id, std::string name, std::string message) {
        result_.warnings.push_back(
            {std::move(type), std::move(id), std::move(name), std::move(message)});
    }

    storage::Store& store_;
    storage::TenantStorage& tenant_storage_;
    TemplateService& templates_;
    const Caller& caller_;
    std::string tenant_id_;
    const importers::MpzArchive& archive_;
    importers::McProject package_;
    DuplicateHandling handling_;
    std::string now_;

    ImportPlan plan_;
    std::optional<storage::Thumbnail> thumbnail_;
    std::map<std::string, std::string> template_texts_;       // by package template id
    std::map<std::string, std::string> template_thumbnails_;  // bytes, by package template id
    IdMap ids_;
    std::vector<std::filesystem::path> written_files_;
    std::vector<std::filesystem::path> new_dataset_directories_;
    std::vector<std::filesystem::path> replaced_files_;
    ProjectImportResult result_;
};

ProjectImportResult ImportRun::run() {
    plan_ = plan_import(store_, tenant_id_, package_, handling_, caller_.audit_name(), now_);
    result_.failed = plan_.skipped;
    try {
        prepare_datasets();
        prepare_thumbnail();
        prepare_templates();
        assign_ids();
        store_.transaction([&] { commit(); });
    } catch (...) {
        discard_written_files();
        throw;
    }
    result_.project_id = plan_.project.id;
    result_.project_name = plan_.project.name;
    const size_t left_out = result_.failed.size();
    result_.message = left_out == 0 && result_.warnings.empty()
                          ? "Project imported successfully"
                          : fmt::format(
                                "Project imported with {} asset(s) left out and {} "
                                "warning(s); see details",
                                left_out, result_.warnings.size());
    return result_;
}

std::vector<std::string> ImportRun::overwritten_datasets() const {
    std::vector<std::string> ids;
    for (const auto& step : plan_.datasets) {
        if (step.action == AssetAction::Overwrite && step.readable)
            ids.push_back(step.existing->id);
    }
    return ids;
}

// Reads each dataset that is added or overwritten and writes it to the store's directory under a
// new file name, one log in memory at a time. No row refers to these files before the commit.
void ImportRun::prepare_datasets() {
    for (auto& step : plan_.datasets) {
        if (step.action == AssetAction::Skip) continue;
        const auto& mcl = *step.mcl;
        eventlog::EventLog log;
        try {
            log = read_package_dataset(archive_, mcl, tenant_storage_.new_upload_path(tenant_id_));
        } catch (const UnreadableDataset& error) {
            step.readable = false;
            warn("Dataset", mcl.id, mcl.name,
                 fmt::format("Dataset '{}' was not imported: {}", mcl.name, error.what()));
            continue;
        }
        auto& record = step.record;
        if (step.action == AssetAction::Overwrite) {
            record = *step.existing;
            record.version += 1;
        } else {
            record.id = new_guid();
            record.project_id = plan_.project.id;
            record.version = 1;
            record.created_by = caller_.audit_name();
            record.date_created = now_;
        }
        const auto& meta = log.metadata;
        record.name = mcl.name;
        record.description = mcl.description.value_or("");
        record.case_id_column = meta.case_id_column;
        record.activity_column = meta.activity_column;
        record.time_column = meta.timestamp_column;
        record.resource_column = unless_empty(meta.resource_column);
        record.begin_time_column = unless_empty(meta.start_time_column);
        record.expected_order_column = mcl.expected_order_column;
        record.use_date_only_sorting = mcl.use_date_only_sorting.value_or(false);
        record.use_only_event_columns = mcl.use_only_event_columns.value_or(false);
        record.is_original = mcl.is_original.value_or(true);
        record.case_count = static_cast<int64_t>(log.case_count());
        record.event_count = static_cast<int64_t>(log.event_count());
        const auto extra = [&](const char* key) {
            return mcl.extra.is_object() && mcl.extra.contains(key) ? mcl.extra[key] : McJson();
        };
        record.source_format = extra("SourceFormat").is_string()
                                   ? extra("SourceFormat").get<std::string>()
                                   : meta.source_format;
        record.culture = mcl.culture.value_or("en-US");
        record.time_zone = meta.time_zone;
        record.invalid_value_count = extra("InvalidValueCount").is_number_integer()
                                         ? extra("InvalidValueCount").get<int64_t>()
                                         : 0;
        record.skipped_rows_count = extra("SkippedRowsCount").is_number_integer()
                                        ? extra("SkippedRowsCount").get<int64_t>()
                                        : 0;
        record.modified_by = caller_.audit_name();
        record.date_modified = now_;

        const auto directory = tenant_storage_.dataset_directory(tenant_id_, record.id);
        if (step.action == AssetAction::Add) new_dataset_directories_.push_back(directory);
        std::filesystem::create_directories(directory);
        const std::string replaced = record.stored_file;
        record.stored_file = new_guid() + std::string(package_layout::kOwnDatasetExtension);
        written_files_.push_back(directory / record.stored_file);
        eventlog::write_event_log_file(log, directory / record.stored_file);
        record.stored_bytes =
            static_cast<int64_t>(std::filesystem::file_size(directory / record.stored_file));
        if (step.action == AssetAction::Overwrite) replaced_files_.push_back(directory / replaced);
    }
}

void ImportRun::prepare_thumbnail() {
    const auto& blob = package_.project.thumbnail_blob;
    if (!blob || (plan_.existing_project && handling_.check != DuplicateCheck::Overwrite)) return;
    try {
        if (!archive_.contains(*blob)) throw std::runtime_error(*blob + " is not in the package");
        thumbnail_ = parse_thumbnail_image(base64_encode(archive_.read_text(*blob)));
    } catch (const std::runtime_error& error) {
        warn("Thumbnail", package_.project.id, package_.project.name,
             fmt::format("The project thumbnail was not imported: {}", error.what()));
    }
}

// The texts of the templates the imported notebooks were made from.
void ImportRun::prepare_templates() {
    std::set<std::string> used;
    for (const auto& step : plan_.investigations) {
        if (!imported(step)) continue;
        auto note = [&](const McNotebook& notebook) {
            if (notebook.extra.is_object() && notebook.extra.contains("TemplateId") &&
                notebook.extra["TemplateId"].is_string()) {
                used.insert(normalize_guid(notebook.extra["TemplateId"].get<std::string>()));
            }
        };
        if (step.mcl->main_notebook) note(*step.mcl->main_notebook);
        for (const auto& notebook : step.mcl->notebooks) note(notebook);
    }
    for (const auto& ref : package_.project.templates) {
        if (!used.contains(ref.id)) continue;
        try {
            template_texts_[ref.id] = archive_.read_text(ref.mcl_blob);
            if (ref.thumbnail_blob && archive_.contains(*ref.thumbnail_blob)) {
                template_thumbnails_[ref.id] = archive_.read_text(*ref.thumbnail_blob);
            }
        } catch (const importers::ImportError& error) {
            warn("Template", ref.id, ref.name,
                 fmt::format("Template '{}' was not imported: {}", ref.name, error.what()));
        }
    }
}

std::optional<std::string> ImportRun::target_dataset(const std::string& package_id) const {
    for (const auto& step : plan_.datasets) {
        if (step.mcl->id != package_id) continue;
        if (step.action == AssetAction::Skip) return step.existing->id;
        if (!step.readable) return std::nullopt;
        return step.record.id;
    }
    return std::nullopt;
}

bool ImportRun::imported(const InvestigationStep& step) const {
    return step.action != AssetAction::Skip && target_dataset(step.mcl->dataset_id).has_value();
}

// Every id of what is imported gets its new id before anything is written, so a reference finds
// its target wherever in the package that target is.
void ImportRun::assign_ids() {
    ids_.add(package_.project.id, plan_.project.id);
    for (const auto& step : plan_.datasets) {
        if (auto target = target_dataset(step.mcl->id)) ids_.add(step.mcl->id, *target);
    }
    for (auto& step : plan_.investigations) {
        if (!imported(step)) {
            if (step.action != AssetAction::Skip) {
                std::string dataset = step.mcl->dataset_id;
                for (const auto& candidate : package_.datasets) {
                    if (candidate.id == step.mcl->dataset_id) dataset = candidate.name;
                }
                warn(step.type, step.mcl->id, step.mcl->name,
                     fmt::format("{} '{}' was not imported: its dataset '{}' was not imported",
                                 step.type, step.mcl->name, dataset));
            }
            continue;
        }
        ids_.add(step.mcl->id,
                 step.action == AssetAction::Overwrite ? step.existing->id : new_guid());
        auto assign = [&](const McNotebook& notebook) {
            ids_.assign(normalize_guid(notebook.id));
            for (const auto& block : notebook.blocks) ids_.assign(normalize_guid(block.id));
            for (const auto& block : notebook.dashboard_blocks) {
                ids_.assign(normalize_guid(block.id));
            }
            if (notebook.notebook_dashboard) {
                for (const auto& panel : notebook.notebook_dashboard->panels) {
                    ids_.assign(normalize_guid(panel.id));
                }
            }
        };
        if (step.mcl->main_notebook) assign(*step.mcl->main_notebook);
        for (const auto& notebook : step.mcl->notebooks) assign(notebook);
    }
    for (const auto& step : plan_.dashboards) {
        if (step.action == AssetAction::Skip) continue;
        ids_.add(normalize_guid(step.mcl->id),
                 step.action == AssetAction::Overwrite ? step.existing->id : new_guid());
        for (const auto& panel : step.mcl->panels) ids_.assign(normalize_guid(panel.id));
    }
}

void ImportRun::commit() {
    require_tenant(store_, tenant_id_);
    if (plan_.existing_project) {
        plan_.project = require_project(store_, tenant_id_, plan_.project.id);
        if (handling_.check == DuplicateCheck::Overwrite) {
            plan_.project.description =
                package_.project.description.value_or(plan_.project.description);
            plan_.project.modified_by = caller_.audit_name();
            plan_.project.date_modified = modification_time_after(plan_.project.date_modified);
            store_.projects().update(plan_.project);
        }
    } else {
        store_.projects().insert(plan_.project);
        result_.successful.push_back({"Project", plan_.project.id, plan_.project.name});
    }
    if (thumbnail_) store_.project_thumbnails().put(plan_.project.id, *thumbnail_);
    write_datasets();
    write_templates();
    for (const auto& step : plan_.investigations) {
        if (imported(step)) write_investigation(step);
    }
    for (const auto& step : plan_.dashboards) {
        if (step.action != AssetAction::Skip) write_dashboard(step);
    }
}

void ImportRun::write_datasets() {
    for (const auto& step : plan_.datasets) {
        if (step.action == AssetAction::Skip || !step.readable) continue;
        if (step.action == AssetAction::Overwrite) {
            const auto current = store_.datasets().find(plan_.project.id, step.record.id);
            if (!current || current->stored_file != step.existing->stored_file) {
                throw ServiceError(ErrorKind::Conflict,
                                   fmt::format("Dataset '{}' was changed or deleted during the "
                                               "import; import again",
                                               step.record.name));
            }
            store_.datasets().update(step.record);
            result_.successful.push_back(
                {"Dataset", step.record.id, step.record.name + " (updated)"});
        } else {
            store_.datasets().insert(step.record);
            result_.successful.push_back({"Dataset", step.record.id, step.record.name});
        }
        ++result_.datasets_imported;
    }
}

// A template used by imported notebooks: the target's template of that id or name, else a new
// template of the tenant made from the package's copy.
void ImportRun::write_templates() {
    for (const auto& ref : package_.project.templates) {
        const auto text = template_texts_.find(ref.id);
        if (text == template_texts_.end()) continue;
        auto found = store_.templates().find(ref.id);
        if (found && found->tenant_id && *found->tenant_id != tenant_id_) found.reset();
        if (!found) found = store_.templates().find_by_name(tenant_id_, ref.name);
        if (found) {
            ids_.add(ref.id, found->id);
            continue;
        }
        TemplateInput input;
        input.name = ref.name;
        input.description = ref.description;
        input.mcl_text = text->second;
        input.category = ref.category;
        input.process_name = ref.process_name;
        try {
            const auto created = templates_.create(caller_, tenant_id_, input);
            ids_.add(ref.id, created.id);
            result_.successful.push_back({"Template", created.id, created.name});
            write_template_thumbnail(ref, created.id);
        } catch (const ServiceError& error) {
            const auto& problems = error.validation_errors();
            warn("Template", ref.id, ref.name,
                 fmt::format("Template '{}' was not imported: {}", ref.name,
                             problems.empty() ? error.what() : problems.front()));
        }
    }
}

void ImportRun::write_template_thumbnail(const importers::McTemplateRef& ref,
                                         const std::string& template_id) {
    const auto image = template_thumbnails_.find(ref.id);
    if (image == template_thumbnails_.end()) return;
    try {
        templates_.put_thumbnail(template_id, base64_encode(image->second));
    } catch (const ServiceError& error) {
        warn("Template", template_id, ref.name,
             fmt::format("The thumbnail of template '{}' was not imported: {}", ref.name,
                         error.what()));
    }
}

void ImportRun::write_investigation(const InvestigationStep& step) {
    const auto& mcl = *step.mcl;
    storage::InvestigationRecord record;
    record.id = *ids_.find(mcl.id);
    if (step.action == AssetAction::Overwrite) {
        if (!store_.investigations().remove(plan_.project.id, record.id)) {
            throw ServiceError(ErrorKind::Conflict,
                               fmt::format("Investigation '{}' was deleted during the import; "
                                           "import again",
                                           mcl.name));
        }
    }
    record.project_id = plan_.project.id;
    record.dataset_id = *target_dataset(mcl.dataset_id);
    record.name = mcl.name;
    record.description = mcl.description.value_or("");
    record.investigation_order =
        mcl.investigation_order.value_or(store_.investigations().next_order(plan_.project.id));
    record.is_used_for_operation_center = mcl.is_used_for_operation_center.value_or(false);
    record.folder_id = mcl.folder_id;
    record.created_by = record.modified_by = caller_.audit_name();
    record.date_created = record.date_modified = now_;
    store_.investigations().insert(record);

    if (mcl.main_notebook) {
        write_notebook(*mcl.main_notebook, record.id, true, 1);
    } else {
        // Every investigation has a main notebook; enrichment pipelines come without one.
        std::set<std::string> names;
        for (const auto& notebook : mcl.notebooks) names.insert(notebook.name);
        McNotebook main;
        main.id = new_guid();
        main.name = numbered_name("Main", names);
        write_notebook(main, record.id, true, 1);
    }
    double order = 2;
    for (const auto& notebook : mcl.notebooks) write_notebook(notebook, record.id, false, order++);
    ++result_.investigations_imported;
    result_.successful.push_back(
        {step.type, record.id,
         step.action == AssetAction::Overwrite ? mcl.name + " (updated)" : mcl.name});
}

void ImportRun::write_notebook(const McNotebook& mcl, const std::string& investigation_id,
                               bool is_main, double order) {
    storage::NotebookRecord notebook;
    notebook.id = ids_.assign(normalize_guid(mcl.id));
    notebook.investigation_id = investigation_id;
    notebook.name = mcl.name;
    notebook.description = mcl.description.value_or("");
    const int64_t type = mcl.notebook_type.value_or(0);
    notebook.notebook_type = type >= 0 && type <= 2 ? type : 0;
    notebook.notebook_order = mcl.notebook_order.value_or(order);
    notebook.is_main = is_main;
    const McJson& extra = mcl.extra;
    if (extra.is_object() && extra.contains("Settings") &&
        (extra["Settings"].is_array() || extra["Settings"].is_object())) {
        notebook.settings = extra["Settings"].dump();
    }
    if (extra.is_object() && extra.contains("TemplateId") && extra["TemplateId"].is_string()) {
        // Mapped only when write_templates found or created the template in the target.
        notebook.template_id = ids_.find(normalize_guid(extra["TemplateId"].get<std::string>()));
    }
    notebook.created_by = caller_.audit_name();
    notebook.date_created = notebook.date_modified = now_;
    insert_notebook(store_, notebook, plan_.project.id);
    auto content = content_from_mcl(mcl);
    for (const auto* blocks : {&content.chain, &content.dashboard_blocks}) {
        for (const auto& block : *blocks) {
            for (const auto& problem :
                 mining::validate_block(block.operator_name, nlohmann::json(block.configuration))) {
                warn("Block", ids_.find(block.id).value_or(block.id), block.name,
                     fmt::format("Notebook '{}', block '{}': {}", notebook.name, block.name,
                                 problem));
            }
        }
    }
    add_notebook_content(store_, notebook, std::move(content), caller_.audit_name(), ids_);
}

void ImportRun::write_dashboard(const DashboardStep& step) {
    auto content = dashboard_from_mcl(*step.mcl);
    auto& dashboard = content.dashboard;
    dashboard.id = *ids_.find(normalize_guid(step.mcl->id));
    if (step.action == AssetAction::Overwrite) {
        remove_dashboard_and_selectors(store_, dashboard.id);
    }
    dashboard.project_id = plan_.project.id;
    dashboard.created_by = dashboard.modified_by = caller_.audit_name();
    dashboard.date_created = dashboard.date_modified = now_;
    store_.dashboards().insert(dashboard);
    for (auto& panel : content.panels) {
        const auto source_block = panel.block_id;
        panel.id = *ids_.find(panel.id);
        panel.dashboard_id = dashboard.id;
        panel.block_id = source_block ? ids_.find(*source_block) : std::nullopt;
        if (source_block && !panel.block_id) {
            warn("Dashboard", dashboard.id, dashboard.name,
                 fmt::format("Dashboard '{}', panel '{}': the block it shows was not imported",
                             dashboard.name, panel.title));
        }
        panel.extra_options = ids_.rewrite(panel.extra_options);
        panel.date_created = now_;
        store_.dashboards().insert_panel(panel);
    }
    ++result_.dashboards_imported;
    result_.successful.push_back(
        {"Dashboard", dashboard.id,
         step.action == AssetAction::Overwrite ? dashboard.name + " (updated)" : dashboard.name});
}

void ImportRun::discard_written_files() {
    std::error_code ignored;
    for (const auto& file : written_files_) std::filesystem::remove(file, ignored);
    for (const auto& directory : new_dataset_directories_) {
        std::filesystem::remove_all(directory, ignored);
    }
}

}  // namespace

std::filesystem::path ProjectImportService::new_upload_path(const std::string& tenant_id) {
    require_tenant(store_, tenant_id);
    return tenant_storage_.new_upload_path(tenant_id);
}

ProjectImportResult ProjectImportService::import_package(const Caller& caller,
                                                         const std::string& tenant_id,
                                                         const std::filesystem::path& package,
                                                         const DuplicateHandling& handling) {
    require_tenant(store_, tenant_id);
    const importers::MpzArchive archive(package, limits_);
    ImportRun run(store_, tenant_storage_, templates_, caller, tenant_id, archive,
                  read_document(archive), handling);
    ProjectImportResult result;
    try {
        result = run.run();
    } catch (const storage::UniqueConstraintError&) {
        throw ServiceError(ErrorKind::Conflict,
                           "The target project changed while the package was imported (an asset "
                           "of the same name was created); import again");
    }
    std::error_code ignored;
    for (const auto& file : run.replaced_files()) std::filesystem::remove(file, ignored);
    for (const auto& id : run.overwritten_datasets()) datasets_.evict_dataset(id);
    if (projects_.contains(tenant_id, result.project_id))
        projects_.touch(tenant_id, result.project_id);
    return result;
}

}  // namespace pmstudio::services
