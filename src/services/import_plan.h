#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "importers/mcl_project.h"
#include "services/duplicate_handling.h"
#include "services/project_import.h"
#include "storage/store.h"

namespace pmstudio::services {

// A package dataset and what becomes of it.
struct DatasetStep {
    const importers::McDataset* mcl = nullptr;
    AssetAction action = AssetAction::Add;
    std::optional<storage::DatasetRecord> existing;  // of the same name in the target project
    storage::DatasetRecord record;                   // written for Add and Overwrite
    bool readable = true;
};

// An investigation of the package, or one made of an enrichment pipeline.
struct InvestigationStep {
    const importers::McInvestigation* mcl = nullptr;
    std::string type;  // Investigation or Enrichment
    AssetAction action = AssetAction::Add;
    std::optional<storage::InvestigationRecord> existing;
};

struct DashboardStep {
    const importers::McDashboard* mcl = nullptr;
    AssetAction action = AssetAction::Add;
    std::optional<storage::DashboardRecord> existing;
};

// Where a package goes and what becomes of each of its assets, after the duplicate rules
// (docs/project-transfer.md). The steps point into the package, which must outlive the plan.
struct ImportPlan {
    std::optional<storage::ProjectRecord> existing_project;  // imported into (skip, overwrite)
    storage::ProjectRecord project;                          // the target, existing or new
    std::vector<DatasetStep> datasets;
    std::deque<importers::McInvestigation> enrichment_investigations;
    std::vector<InvestigationStep> investigations;
    std::vector<DashboardStep> dashboards;
    std::vector<FailedAsset> skipped;  // left out: the target has an asset of that name (409)
};

// Reads the tenant's projects and, when the package goes into one of them, its datasets,
// investigations and dashboards. A new project is named after the package's, numbered when taken;
// `author` and `now` stamp it.
ImportPlan plan_import(storage::Store& store, const std::string& tenant_id,
                       const importers::McProject& package, const DuplicateHandling& handling,
                       const std::string& author, const std::string& now);

}  // namespace pmstudio::services
