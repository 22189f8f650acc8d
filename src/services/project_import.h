#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/mpz_archive.h"
#include "services/caller.h"
#include "services/dataset_cache.h"
#include "services/duplicate_handling.h"
#include "services/project_cache.h"
#include "services/template_service.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

// One entry of the import's details, in SnapLogic's shape: what was imported, what was left out
// (status code and reason) and what needs attention. `type` is Project, Dataset, Investigation,
// Enrichment, Dashboard, Template, Thumbnail or Block.
struct ImportedAsset {
    std::string type;
    std::string id;  // the new id
    std::string name;
};
struct FailedAsset {
    std::string type;
    std::string id;  // the id in the package
    std::string name;
    int status_code = 409;
    std::string reason;
};
struct ImportWarning {
    std::string type;
    std::string id;
    std::string name;
    std::string message;
};

struct ProjectImportResult {
    std::string project_id;
    std::string project_name;
    int64_t datasets_imported = 0;
    int64_t investigations_imported = 0;
    int64_t dashboards_imported = 0;  // the project's own dashboards (notebooks carry theirs)
    std::string message;
    std::vector<ImportedAsset> successful;
    std::vector<FailedAsset> failed;
    std::vector<ImportWarning> warnings;
};

// Imports a project package (.mpz; docs/project-transfer.md), pmstudio's own exports and
// mindzieStudio's, with SnapLogic's duplicate handling. Every object gets a new id and every
// reference is rewritten. The store changes in one transaction; dataset files are written before
// it under names no row refers to yet, so an import that fails or is killed leaves nothing behind
// (the start-up sweep removes such files). Problems with the package as a whole are
// ImportError(400) naming them; a dataset whose data cannot be read is a warning, and the
// dataset and what depends on it are left out.
class ProjectImportService {
public:
    ProjectImportService(storage::Store& store, storage::TenantStorage& tenant_storage,
                         ProjectCache& projects, DatasetCache& datasets, TemplateService& templates,
                         importers::MpzLimits limits = {})
        : store_(store),
          tenant_storage_(tenant_storage),
          projects_(projects),
          datasets_(datasets),
          templates_(templates),
          limits_(limits) {}

    ProjectImportResult import_package(const Caller& caller, const std::string& tenant_id,
                                       const std::filesystem::path& package,
                                       const DuplicateHandling& handling);

    // A place in the tenant's uploads directory for an incoming package (NotFound for an unknown
    // tenant).
    std::filesystem::path new_upload_path(const std::string& tenant_id);

private:
    storage::Store& store_;
    storage::TenantStorage& tenant_storage_;
    ProjectCache& projects_;
    DatasetCache& datasets_;
    TemplateService& templates_;
    importers::MpzLimits limits_;
};

}  // namespace pmstudio::services
