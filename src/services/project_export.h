#pragma once

#include <filesystem>
#include <string>

#include "services/project_cache.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

// Writes a project as a package (.mpz; docs/project-transfer.md): project.mcl describing the
// project, its datasets, investigations with their notebooks, and dashboards; each dataset's
// stored file in pmstudio's binary format; the thumbnail and the templates the notebooks were
// made from under blobs/. The metadata is read in one transaction (a consistent snapshot) and the
// dataset files are linked aside in it, so later changes to the project do not disturb the
// export; the zip is written entry by entry to disk, never whole in memory.
class ProjectExportService {
public:
    ProjectExportService(storage::Store& store, storage::TenantStorage& tenant_storage,
                         ProjectCache& cache)
        : store_(store), tenant_storage_(tenant_storage), cache_(cache) {}

    struct Package {
        std::filesystem::path file;
        std::string project_name;
    };
    // The package as a new file in the tenant's uploads directory; the caller removes it when
    // done (a restart sweeps uploads). NotFound for a project that is not in the tenant.
    Package export_project(const std::string& tenant_id, const std::string& project_id);
    // The package written to `output`; returns the project's name.
    std::string export_project(const std::string& tenant_id, const std::string& project_id,
                               const std::filesystem::path& output);

private:
    storage::Store& store_;
    storage::TenantStorage& tenant_storage_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
