#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/dashboard_panel_rules.h"
#include "services/paging.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

struct DashboardInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
};

struct DashboardPage {
    std::vector<storage::DashboardRecord> dashboards;
    int64_t total_count = 0;
};

// Deletes a dashboard, its panels and their selector blocks (inside the caller's transaction).
void remove_dashboard_and_selectors(storage::Store& store, const std::string& dashboard_id);

// Dashboards of a project (Dashboard API): the project's own dashboards (pmstudio adds create,
// update and delete) and its notebooks' dashboards, with their panels. A data panel shows a
// selector block that POST .../panel creates in the calculator's notebook (a dashboard block
// whose parent is the calculator); deleting the panel deletes it. Errors are the documented
// PascalCase bodies. Modifications auto-load the project into the cache.
class DashboardService {
public:
    DashboardService(storage::Store& store, ProjectCache& cache) : store_(store), cache_(cache) {}

    DashboardPage list(const std::string& tenant_id, const std::string& project_id,
                       const PageRequest& page);
    storage::DashboardRecord get(const std::string& tenant_id, const std::string& project_id,
                                 const std::string& dashboard_id);
    storage::DashboardRecord create(const Caller& caller, const std::string& tenant_id,
                                    const std::string& project_id, const DashboardInput& input);
    storage::DashboardRecord update(const Caller& caller, const std::string& tenant_id,
                                    const std::string& project_id, const std::string& dashboard_id,
                                    const DashboardInput& input);
    // Deletes the dashboard, its panels and their selector blocks. A notebook's own dashboard
    // goes with its notebook only.
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& dashboard_id);

    std::vector<storage::PanelRecord> panels(const std::string& tenant_id,
                                             const std::string& project_id,
                                             const std::string& dashboard_id);
    // The panel with its selector block (block_id), or the panel alone for notes.
    storage::PanelRecord create_panel(const Caller& caller, const std::string& tenant_id,
                                      const std::string& project_id,
                                      const std::string& dashboard_id, const PanelInput& input);
    // Title, description, layout and settings (a data panel's go to its selector).
    storage::PanelRecord update_panel(const Caller& caller, const std::string& tenant_id,
                                      const std::string& project_id,
                                      const std::string& dashboard_id, const std::string& panel_id,
                                      const PanelInput& input);
    void remove_panel(const Caller& caller, const std::string& tenant_id,
                      const std::string& project_id, const std::string& dashboard_id,
                      const std::string& panel_id);

private:
    storage::BlockRecord require_calculator(const storage::DashboardRecord& dashboard,
                                            const std::string& project_id,
                                            const std::string& block_id);
    void touch(const Caller& caller, storage::DashboardRecord dashboard);

    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
