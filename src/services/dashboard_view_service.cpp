#include "services/dashboard_view_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/service_error.h"
#include "services/analysis_lookup.h"
#include "services/dashboard_panel_rules.h"
#include "services/execution_status.h"
#include "services/project_lookup.h"

namespace pmstudio::services {

namespace {

bool active(const std::optional<storage::ExecutionRecord>& execution) {
    return execution && (execution->status == kQueued || execution->status == kRunning);
}

}  // namespace

struct DashboardViewService::NotebookState {
    std::string id;
    std::vector<storage::BlockRecord> chain;
    std::optional<storage::ExecutionRecord> newest;      // of any kind
    std::optional<storage::ExecutionRecord> newest_run;  // of the whole notebook
    std::optional<std::string> queue_error;              // why an execution could not be queued

    // True while an execution of the notebook (of any kind) is queued or running.
    bool busy() const { return active(newest) || active(newest_run); }
    // True when an execution of the whole notebook was queued at or after `change`.
    bool covers(const std::string& change) const {
        return newest_run && newest_run->date_queued >= change;
    }
};

namespace {

// The newest modification date of the selector and of the chain blocks down to its calculator:
// a result computed before it may be out of date.
std::string last_change(const storage::BlockRecord& selector,
                        const std::vector<storage::BlockRecord>& chain) {
    std::string newest = selector.date_modified;
    const auto calculator = std::find_if(chain.begin(), chain.end(), [&](const auto& block) {
        return selector.parent_id && block.id == *selector.parent_id;
    });
    if (calculator == chain.end()) return newest;
    for (auto block = chain.begin(); block != std::next(calculator); ++block) {
        newest = std::max(newest, block->date_modified);
    }
    return newest;
}

bool is_data_panel(const storage::PanelRecord& panel) {
    if (panel.block_id) return true;
    const PanelKind* kind = find_panel_kind(panel.panel_type);
    return kind != nullptr && !kind->selector.empty();
}

}  // namespace

DashboardViewService::NotebookState& DashboardViewService::notebook_state(
    std::vector<NotebookState>& states, const std::string& notebook_id) {
    for (auto& state : states) {
        if (state.id == notebook_id) return state;
    }
    auto& state = states.emplace_back();
    state.id = notebook_id;
    state.chain = store_.blocks().list(notebook_id, false);
    state.newest = store_.executions().latest(notebook_id, false);
    state.newest_run = store_.executions().latest(notebook_id, true);
    return state;
}

void DashboardViewService::queue(NotebookState& notebook, const std::string& tenant_id,
                                 const std::string& project_id) {
    try {
        auto_load_project(store_, cache_, tenant_id, project_id);
        auto queued = executions_.execute_notebook(tenant_id, project_id, notebook.id, {});
        notebook.newest = queued;
        notebook.newest_run = std::move(queued);
    } catch (const ServiceError& error) {
        notebook.queue_error = error.what();
    }
}

void DashboardViewService::decide(PanelView& view, NotebookState& notebook,
                                  const std::string& tenant_id, const std::string& project_id) {
    const auto& selector = *view.selector;
    auto latest = store_.executions().latest_result(selector.id);
    const std::string change = last_change(selector, notebook.chain);
    const bool stale = !latest || latest->date_started < change;
    if (stale && !notebook.busy() && !notebook.covers(change) && !notebook.queue_error) {
        std::lock_guard lock(queueing_);
        // Another page may have queued it since this one read the executions.
        notebook.newest = store_.executions().latest(notebook.id, false);
        notebook.newest_run = store_.executions().latest(notebook.id, true);
        if (!notebook.busy() && !notebook.covers(change)) queue(notebook, tenant_id, project_id);
    }
    if (notebook.queue_error) {
        view.status = kFailed;
        view.error = notebook.queue_error;
        return;
    }
    if (notebook.busy()) {
        view.status = kRunning;
        if (latest && latest->status == kSucceeded) view.result = std::move(latest);
        return;
    }
    const auto& run = notebook.newest_run;
    const bool run_failed_since =
        run && run->status != kCompleted &&
        (!latest || (run->id != latest->execution_id && run->date_queued > latest->date_started));
    if (run_failed_since) {
        view.status = kFailed;
        view.error = run->error_message.value_or(
            fmt::format("The notebook's latest execution ended {}", run->status));
    } else if (!latest) {
        view.status = kFailed;
        view.error = "The notebook's latest execution gave this panel no result";
    } else {
        view.status = latest->status;
        view.error = latest->error_message;
        view.result = std::move(latest);
    }
}

DashboardView DashboardViewService::view(const std::string& tenant_id,
                                         const std::string& project_id,
                                         const std::string& dashboard_id) {
    use_project(store_, cache_, tenant_id, project_id);
    DashboardView out{require_dashboard(store_, project_id, dashboard_id), {}};
    std::vector<NotebookState> notebooks;
    for (auto& panel : store_.dashboards().panels(dashboard_id)) {
        PanelView& view = out.panels.emplace_back();
        view.panel = std::move(panel);
        if (!is_data_panel(view.panel)) {
            view.status = kPanelReady;
            continue;
        }
        if (view.panel.block_id) {
            view.selector = store_.blocks().find(project_id, *view.panel.block_id);
        }
        if (!view.selector) {
            view.status = kFailed;
            view.error = "The panel's block was deleted: delete the panel and create another";
            continue;
        }
        if (view.selector->parent_id) {
            view.calculator = store_.blocks().find(project_id, *view.selector->parent_id);
        }
        decide(view, notebook_state(notebooks, view.selector->notebook_id), tenant_id, project_id);
    }
    return out;
}

std::vector<storage::ExecutionRecord> DashboardViewService::rerun(const std::string& tenant_id,
                                                                  const std::string& project_id,
                                                                  const std::string& dashboard_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_dashboard(store_, project_id, dashboard_id);
    std::vector<std::string> notebook_ids;
    for (const auto& panel : store_.dashboards().panels(dashboard_id)) {
        if (!panel.block_id) continue;
        const auto selector = store_.blocks().find(project_id, *panel.block_id);
        if (selector && std::find(notebook_ids.begin(), notebook_ids.end(),
                                  selector->notebook_id) == notebook_ids.end()) {
            notebook_ids.push_back(selector->notebook_id);
        }
    }
    std::vector<storage::ExecutionRecord> executions;
    std::lock_guard lock(queueing_);
    for (const auto& notebook_id : notebook_ids) {
        if (auto running = store_.executions().latest(notebook_id, true); active(running)) {
            executions.push_back(std::move(*running));
            continue;
        }
        auto_load_project(store_, cache_, tenant_id, project_id);
        executions.push_back(executions_.execute_notebook(tenant_id, project_id, notebook_id, {}));
    }
    return executions;
}

storage::BlockResultRecord DashboardViewService::panel_result(const std::string& tenant_id,
                                                              const std::string& project_id,
                                                              const std::string& dashboard_id,
                                                              const std::string& panel_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_dashboard(store_, project_id, dashboard_id);
    const auto panel = require_panel(store_, dashboard_id, panel_id);
    if (!panel.block_id) {
        throw ServiceError(ErrorKind::BadRequest,
                           fmt::format("Panel '{}' shows no block", panel.title));
    }
    auto result = store_.executions().latest_result(*panel.block_id);
    if (!result) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Panel '{}' has no result yet: open its dashboard, which "
                                       "executes its notebook",
                                       panel.title));
    }
    if (result->status != kSucceeded) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Panel '{}' has no result: its latest execution {}",
                                       panel.title, result->status));
    }
    return *result;
}

}  // namespace pmstudio::services
