#include "app/project_cli.h"

#include <iostream>

#include "api/project_import_json.h"
#include "app/server_options.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "importers/import_report.h"
#include "services/dataset_cache.h"
#include "services/package_layout.h"
#include "services/project_cache.h"
#include "services/project_export.h"
#include "services/project_import.h"
#include "services/template_service.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::app {
namespace {

// The services of one command over a data directory's store.
struct Workspace {
    explicit Workspace(const std::filesystem::path& data_dir)
        : store(storage::open_sqlite_store(database_file(data_dir))),
          tenant_storage(tenant_storage_root(data_dir)),
          datasets(tenant_storage, projects),
          templates(*store) {}

    std::unique_ptr<storage::Store> store;
    storage::TenantStorage tenant_storage;
    services::ProjectCache projects;
    services::DatasetCache datasets;
    services::TemplateService templates;
};

const services::Caller kCliCaller{"cli", "pmstudio CLI", std::nullopt};

template <typename Work>
int run(const ProjectTransferOptions& options, Work work) {
    if (!is_guid(options.tenant_id)) {
        std::cerr << "error: --tenant must be a GUID, got '" << options.tenant_id << "'\n";
        return 2;
    }
    if (!std::filesystem::exists(database_file(options.data_dir))) {
        std::cerr << "error: no pmstudio store in " << options.data_dir
                  << " (start the server once)\n";
        return 2;
    }
    try {
        Workspace workspace(options.data_dir);
        return work(workspace, normalize_guid(options.tenant_id));
    } catch (const ServiceError& error) {
        std::cerr << "error: " << error.what() << "\n";
    } catch (const importers::ImportError& error) {
        std::cerr << "error: " << error.what() << "\n";
    }
    return 1;
}

}  // namespace

int project_export(const ProjectTransferOptions& options) {
    if (!is_guid(options.project_id)) {
        std::cerr << "error: --project must be a GUID, got '" << options.project_id << "'\n";
        return 2;
    }
    return run(options, [&](Workspace& workspace, const std::string& tenant) {
        services::ProjectExportService exports(*workspace.store, workspace.tenant_storage,
                                               workspace.projects);
        const auto name =
            exports.export_project(tenant, normalize_guid(options.project_id), options.file);
        std::cout << "exported project '" << name << "' to " << options.file.string() << " ("
                  << std::filesystem::file_size(options.file) << " bytes)\n";
        return 0;
    });
}

int project_import(const ProjectTransferOptions& options) {
    if (!services::package_layout::is_package_name(options.file.filename().string())) {
        std::cerr << "error: Invalid file format. Expected .mpz file.\n";
        return 2;
    }
    return run(options, [&](Workspace& workspace, const std::string& tenant) {
        services::ProjectImportService imports(*workspace.store, workspace.tenant_storage,
                                               workspace.projects, workspace.datasets,
                                               workspace.templates);
        const auto result = imports.import_package(
            kCliCaller, tenant, options.file,
            services::parse_duplicate_handling(options.duplicate_check, options.overwrite_types));
        std::cout << api::project_import_json(result).dump(2) << "\n";
        return 0;
    });
}

}  // namespace pmstudio::app
