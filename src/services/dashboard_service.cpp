#include "services/dashboard_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/guid.h"
#include "services/analysis_lookup.h"
#include "services/project_lookup.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

void check_dashboard(const DashboardInput& input, bool name_required) {
    std::vector<std::string> errors;
    if ((name_required || input.name) && is_blank(input.name)) {
        errors.emplace_back("Name is required");
    }
    check_max_length(input.name, kMaxNameLength, "Name", errors);
    check_max_length(input.description, kMaxDescriptionLength, "Description", errors);
    throw_dashboard_errors(errors);
}

void remove_selector(storage::Store& store, const storage::PanelRecord& panel) {
    if (panel.block_id) store.blocks().remove(*panel.block_id);
}

}  // namespace

void remove_dashboard_and_selectors(storage::Store& store, const std::string& dashboard_id) {
    for (const auto& panel : store.dashboards().panels(dashboard_id)) remove_selector(store, panel);
    store.dashboards().remove(dashboard_id);
}

DashboardPage DashboardService::list(const std::string& tenant_id, const std::string& project_id,
                                     const PageRequest& page) {
    use_project(store_, cache_, tenant_id, project_id);
    return {store_.dashboards().list(project_id, page.offset(), page.page_size),
            store_.dashboards().count(project_id)};
}

storage::DashboardRecord DashboardService::get(const std::string& tenant_id,
                                               const std::string& project_id,
                                               const std::string& dashboard_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return require_dashboard(store_, project_id, dashboard_id);
}

storage::DashboardRecord DashboardService::create(const Caller& caller,
                                                  const std::string& tenant_id,
                                                  const std::string& project_id,
                                                  const DashboardInput& input) {
    check_dashboard(input, true);
    auto_load_project(store_, cache_, tenant_id, project_id);
    storage::DashboardRecord dashboard;
    dashboard.id = new_guid();
    dashboard.project_id = project_id;
    dashboard.name = *input.name;
    dashboard.description = input.description.value_or("");
    dashboard.created_by = dashboard.modified_by = caller.audit_name();
    dashboard.date_created = dashboard.date_modified = now_iso8601();
    store_.transaction([&] {
        dashboard.dashboard_order = store_.dashboards().next_order(project_id);
        store_.dashboards().insert(dashboard);
    });
    return require_dashboard(store_, project_id, dashboard.id);
}

storage::DashboardRecord DashboardService::update(const Caller& caller,
                                                  const std::string& tenant_id,
                                                  const std::string& project_id,
                                                  const std::string& dashboard_id,
                                                  const DashboardInput& input) {
    check_dashboard(input, false);
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto dashboard = require_dashboard(store_, project_id, dashboard_id);
        if (input.name) dashboard.name = *input.name;
        if (input.description) dashboard.description = *input.description;
        touch(caller, std::move(dashboard));
    });
    return require_dashboard(store_, project_id, dashboard_id);
}

void DashboardService::remove(const std::string& tenant_id, const std::string& project_id,
                              const std::string& dashboard_id) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        const auto dashboard = require_dashboard(store_, project_id, dashboard_id);
        if (dashboard.notebook_id) {
            throw dashboard_validation_error(
                "A notebook's own dashboard is deleted with its notebook");
        }
        remove_dashboard_and_selectors(store_, dashboard_id);
    });
}

std::vector<storage::PanelRecord> DashboardService::panels(const std::string& tenant_id,
                                                           const std::string& project_id,
                                                           const std::string& dashboard_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_dashboard(store_, project_id, dashboard_id);
    return store_.dashboards().panels(dashboard_id);
}

storage::BlockRecord DashboardService::require_calculator(const storage::DashboardRecord& dashboard,
                                                          const std::string& project_id,
                                                          const std::string& block_id) {
    const auto block = store_.blocks().find(project_id, block_id);
    if (!block)
        throw dashboard_validation_error(fmt::format("Block '{}' does not exist", block_id));
    if (block->block_type != "Calculator" || block->is_dashboard_block) {
        throw dashboard_validation_error(
            fmt::format("Block '{}' is a {} block: panels show Calculator blocks", block_id,
                        block->is_dashboard_block ? "dashboard" : block->block_type));
    }
    if (dashboard.notebook_id && block->notebook_id != *dashboard.notebook_id) {
        throw dashboard_validation_error(
            fmt::format("Block '{}' is not a block of this dashboard's notebook", block_id));
    }
    return *block;
}

storage::PanelRecord DashboardService::create_panel(const Caller& caller,
                                                    const std::string& tenant_id,
                                                    const std::string& project_id,
                                                    const std::string& dashboard_id,
                                                    const PanelInput& input) {
    check_new_panel(input);
    const auto& kind = *find_panel_kind(*input.panel_type);
    auto_load_project(store_, cache_, tenant_id, project_id);
    const auto now = now_iso8601();
    storage::PanelRecord panel;
    panel.id = new_guid();
    panel.dashboard_id = dashboard_id;
    panel.title = *input.title;
    panel.description = input.description.value_or("");
    panel.panel_type = kind.panel_type;
    panel.row = *input.row;
    panel.column = *input.column;
    panel.width = *input.width;
    panel.height = *input.height;
    panel.date_created = now;
    store_.transaction([&] {
        auto dashboard = require_dashboard(store_, project_id, dashboard_id);
        if (kind.selector.empty()) {
            panel.extra_options = input.settings.value_or("{}");
        } else {
            const auto calculator = require_calculator(dashboard, project_id, *input.block_id);
            storage::BlockRecord selector;
            selector.id = new_guid();
            selector.notebook_id = calculator.notebook_id;
            selector.block_type = "Selector";
            selector.operator_name = kind.selector;
            selector.name = panel.title;
            selector.description = panel.description;
            selector.parent_id = calculator.id;
            selector.position =
                static_cast<int64_t>(store_.blocks().list(calculator.notebook_id, true).size());
            selector.is_dashboard_block = true;
            selector.configuration = selector_configuration(kind.selector, kind.panel_type,
                                                            calculator.id, input.settings);
            selector.created_by = selector.modified_by = caller.audit_name();
            selector.date_created = selector.date_modified = now;
            store_.blocks().insert(selector);
            panel.block_id = selector.id;
        }
        store_.dashboards().insert_panel(panel);
        touch(caller, std::move(dashboard));
    });
    return require_panel(store_, dashboard_id, panel.id);
}

storage::PanelRecord DashboardService::update_panel(
    const Caller& caller, const std::string& tenant_id, const std::string& project_id,
    const std::string& dashboard_id, const std::string& panel_id, const PanelInput& input) {
    check_panel_update(input);
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto dashboard = require_dashboard(store_, project_id, dashboard_id);
        auto panel = require_panel(store_, dashboard_id, panel_id);
        panel.title = input.title.value_or(panel.title);
        panel.description = input.description.value_or(panel.description);
        panel.row = input.row.value_or(panel.row);
        panel.column = input.column.value_or(panel.column);
        panel.width = input.width.value_or(panel.width);
        panel.height = input.height.value_or(panel.height);
        if (input.settings && panel.block_id) {
            auto selector = require_block(store_, project_id, *panel.block_id);
            selector.configuration =
                selector_configuration(selector.operator_name, panel.panel_type,
                                       selector.parent_id.value_or(""), input.settings);
            selector.modified_by = caller.audit_name();
            selector.date_modified = modification_time_after(selector.date_modified);
            store_.blocks().update(selector);
        } else if (input.settings) {
            const auto* kind = find_panel_kind(panel.panel_type);
            if (kind == nullptr || !kind->selector.empty()) {
                throw dashboard_validation_error(
                    "The panel's block was deleted: delete the panel and create another");
            }
            panel.extra_options = *input.settings;
        }
        store_.dashboards().update_panel(panel);
        touch(caller, std::move(dashboard));
    });
    return require_panel(store_, dashboard_id, panel_id);
}

void DashboardService::remove_panel(const Caller& caller, const std::string& tenant_id,
                                    const std::string& project_id, const std::string& dashboard_id,
                                    const std::string& panel_id) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto dashboard = require_dashboard(store_, project_id, dashboard_id);
        const auto panel = require_panel(store_, dashboard_id, panel_id);
        remove_selector(store_, panel);
        store_.dashboards().remove_panel(panel_id);
        touch(caller, std::move(dashboard));
    });
}

void DashboardService::touch(const Caller& caller, storage::DashboardRecord dashboard) {
    dashboard.modified_by = caller.audit_name();
    dashboard.date_modified = modification_time_after(dashboard.date_modified);
    store_.dashboards().update(dashboard);
}

}  // namespace pmstudio::services
