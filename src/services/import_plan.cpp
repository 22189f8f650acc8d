#include "services/import_plan.h"

#include <fmt/format.h>

#include <limits>
#include <set>

#include "common/guid.h"
#include "common/text.h"

namespace pmstudio::services {
namespace {

using importers::McInvestigation;
constexpr int64_t kAll = std::numeric_limits<int64_t>::max();

// The project of the same name decides where the package goes: a new project unless
// duplicate_check is skip or overwrite.
void choose_target(storage::Store& store, const std::string& tenant_id,
                   const importers::McProject& package, const DuplicateHandling& handling,
                   const std::string& author, const std::string& now, ImportPlan& plan) {
    std::set<std::string> taken;
    for (auto& project : store.projects().list(tenant_id, 0, kAll)) {
        if (project.name == package.project.name && !plan.existing_project) {
            plan.existing_project = project;
        }
        taken.insert(project.name);
    }
    if (plan.existing_project && handling.check != DuplicateCheck::CreateNew) {
        plan.project = *plan.existing_project;
        return;
    }
    plan.existing_project.reset();
    plan.project.id = new_guid();
    plan.project.tenant_id = tenant_id;
    plan.project.name = numbered_name(package.project.name, taken);
    plan.project.description = package.project.description.value_or("");
    plan.project.is_active = package.project.is_active.value_or(true);
    plan.project.created_by = plan.project.modified_by = author;
    plan.project.date_created = plan.project.date_modified = now;
}

void plan_assets(storage::Store& store, const importers::McProject& package,
                 const DuplicateHandling& handling, ImportPlan& plan) {
    std::vector<storage::DatasetRecord> datasets;
    std::vector<storage::InvestigationRecord> investigations;
    std::vector<storage::DashboardRecord> dashboards;
    if (plan.existing_project) {
        datasets = store.datasets().list(plan.project.id);
        investigations = store.investigations().list(plan.project.id, 0, kAll);
        for (auto& dashboard : store.dashboards().list(plan.project.id, 0, kAll)) {
            if (!dashboard.notebook_id) dashboards.push_back(std::move(dashboard));
        }
    }
    // The target's asset of that name; each answers one package asset only, so two package
    // assets of one name do not both replace it.
    std::set<std::string> claimed;
    auto same_name = [&claimed](auto& records, const std::string& name) {
        using Record = typename std::decay_t<decltype(records)>::value_type;
        for (const auto& record : records) {
            if (record.name == name && claimed.insert(record.id).second) {
                return std::optional<Record>(record);
            }
        }
        return std::optional<Record>();
    };
    for (const auto& dataset : package.datasets) {
        DatasetStep step;
        step.mcl = &dataset;
        step.existing = same_name(datasets, dataset.name);
        step.action = asset_action(handling, AssetKind::Dataset, step.existing.has_value());
        plan.datasets.push_back(std::move(step));
    }
    for (const auto& enrichment : package.enrichments) {
        // An enrichment pipeline becomes an investigation on its source dataset whose notebooks
        // are the pipeline's: running them derives the enriched attributes again.
        auto& investigation = plan.enrichment_investigations.emplace_back();
        investigation.id = enrichment.id;
        investigation.name = enrichment.name;
        investigation.description = enrichment.description;
        investigation.notebooks = enrichment.notebooks;
        investigation.dataset_id =
            enrichment.source_dataset_id.value_or(enrichment.output_dataset_id.value_or(""));
    }
    auto add_investigation = [&](const McInvestigation& investigation, const char* type) {
        InvestigationStep step;
        step.mcl = &investigation;
        step.type = type;
        step.existing = same_name(investigations, investigation.name);
        step.action = asset_action(handling, AssetKind::Investigation, step.existing.has_value());
        plan.investigations.push_back(std::move(step));
    };
    for (const auto& investigation : package.investigations) {
        add_investigation(investigation, "Investigation");
    }
    for (const auto& investigation : plan.enrichment_investigations) {
        add_investigation(investigation, "Enrichment");
    }
    for (const auto& dashboard : package.dashboards) {
        DashboardStep step;
        step.mcl = &dashboard;
        step.existing = same_name(dashboards, dashboard.name.value_or(""));
        step.action = asset_action(handling, AssetKind::Dashboard, step.existing.has_value());
        plan.dashboards.push_back(std::move(step));
    }
    auto skipped = [&](const char* type, const std::string& id, const std::string& name) {
        plan.skipped.push_back({type, id, name, 409,
                                fmt::format("A {} named '{}' already exists in project '{}'",
                                            to_lower(type), name, plan.project.name)});
    };
    for (const auto& step : plan.datasets) {
        if (step.action == AssetAction::Skip) skipped("Dataset", step.mcl->id, step.mcl->name);
    }
    for (const auto& step : plan.investigations) {
        if (step.action == AssetAction::Skip)
            skipped(step.type.c_str(), step.mcl->id, step.mcl->name);
    }
    for (const auto& step : plan.dashboards) {
        if (step.action == AssetAction::Skip) {
            skipped("Dashboard", step.mcl->id, step.mcl->name.value_or(""));
        }
    }
}

}  // namespace

ImportPlan plan_import(storage::Store& store, const std::string& tenant_id,
                       const importers::McProject& package, const DuplicateHandling& handling,
                       const std::string& author, const std::string& now) {
    ImportPlan plan;
    choose_target(store, tenant_id, package, handling, author, now, plan);
    plan_assets(store, package, handling, plan);
    return plan;
}

}  // namespace pmstudio::services
