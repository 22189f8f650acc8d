#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/paging.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

struct InvestigationInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> dataset_id;  // create only
    std::optional<bool> is_used_for_operation_center;
    std::optional<double> investigation_order;
    std::optional<std::string> folder_id;
};

struct InvestigationPage {
    std::vector<storage::InvestigationRecord> investigations;
    int64_t total_count = 0;
};

// Investigations of a project: each is linked to a dataset of the same project and owns a main
// notebook created with it. Modifications auto-load the project into the cache; the notebook
// listings require it to be loaded (Project Cache pages).
class InvestigationService {
public:
    InvestigationService(storage::Store& store, ProjectCache& cache)
        : store_(store), cache_(cache) {}

    InvestigationPage list(const std::string& tenant_id, const std::string& project_id,
                           const PageRequest& page);
    storage::InvestigationRecord get(const std::string& tenant_id, const std::string& project_id,
                                     const std::string& investigation_id);
    storage::InvestigationRecord create(const Caller& caller, const std::string& tenant_id,
                                        const std::string& project_id,
                                        const InvestigationInput& input);
    // Absent fields are left unchanged.
    storage::InvestigationRecord update(const Caller& caller, const std::string& tenant_id,
                                        const std::string& project_id,
                                        const std::string& investigation_id,
                                        const InvestigationInput& input);
    // Deletes the investigation with its notebooks, blocks, dashboards and results.
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& investigation_id);

    std::vector<storage::NotebookRecord> notebooks(const std::string& tenant_id,
                                                   const std::string& project_id,
                                                   const std::string& investigation_id);
    storage::NotebookRecord main_notebook(const std::string& tenant_id,
                                          const std::string& project_id,
                                          const std::string& investigation_id);

private:
    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
