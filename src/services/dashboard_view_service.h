#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "services/execution_service.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// Panel statuses on the dashboard pages: Ready (a note: nothing to compute), Running (its
// notebook is executing), and the status of the selector's latest result (Success, Failed,
// Skipped for a disabled block).
inline constexpr const char* kPanelReady = "Ready";

// What a dashboard page shows of one panel.
struct PanelView {
    storage::PanelRecord panel;
    std::optional<storage::BlockRecord> selector;    // the block the panel shows
    std::optional<storage::BlockRecord> calculator;  // the selector's calculator
    std::string status;
    std::optional<std::string> error;
    // The selector's latest result, also while a newer execution runs (the page keeps showing
    // it); absent when it failed since.
    std::optional<storage::BlockResultRecord> result;
};

struct DashboardView {
    storage::DashboardRecord dashboard;
    std::vector<PanelView> panels;
};

// The dashboard pages' view of a dashboard: each panel with its selector's latest result. A
// panel's results are brought up to date by executing its notebook when its selector has no
// result computed after the last change of the selector or of the chain above its calculator, and
// no execution of the notebook was queued since that change (so a failing notebook is not queued
// again and again). Executions go through the ExecutionService, as POST …/execution/notebook does.
class DashboardViewService {
public:
    DashboardViewService(storage::Store& store, ProjectCache& cache, ExecutionService& executions)
        : store_(store), cache_(cache), executions_(executions) {}

    // The dashboard with every panel's status and latest result; queues the executions the
    // rule above asks for (their panels are then Running).
    DashboardView view(const std::string& tenant_id, const std::string& project_id,
                       const std::string& dashboard_id);

    // Queues an execution of every notebook the dashboard's panels show, except notebooks
    // already executing (whose running execution is returned instead).
    std::vector<storage::ExecutionRecord> rerun(const std::string& tenant_id,
                                                const std::string& project_id,
                                                const std::string& dashboard_id);

    // The latest successful result of a panel's selector. NotFound for a panel of another
    // dashboard, BadRequest when the panel shows no block or has no successful result yet.
    storage::BlockResultRecord panel_result(const std::string& tenant_id,
                                            const std::string& project_id,
                                            const std::string& dashboard_id,
                                            const std::string& panel_id);

private:
    struct NotebookState;

    NotebookState& notebook_state(std::vector<NotebookState>& states,
                                  const std::string& notebook_id);
    void decide(PanelView& view, NotebookState& notebook, const std::string& tenant_id,
                const std::string& project_id);
    void queue(NotebookState& notebook, const std::string& tenant_id,
               const std::string& project_id);

    storage::Store& store_;
    ProjectCache& cache_;
    ExecutionService& executions_;
    std::mutex queueing_;  // check-then-queue of executions, so concurrent pages queue once
};

}  // namespace pmstudio::services
