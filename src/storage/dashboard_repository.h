#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct DashboardRecord {
    std::string id;
    std::string project_id;
    std::optional<std::string> notebook_id;  // set for a notebook's own dashboard
    std::string name;
    std::string description;
    double dashboard_order = 0;
    std::string mcl_extra = "{}";  // MCL fields kept for export (ThumbnailUrl, ...)
    std::string created_by;
    std::string modified_by;
    std::string date_created;
    std::string date_modified;
    int64_t panel_count = 0;  // read only: computed by the queries
};

struct PanelRecord {
    std::string id;
    std::string dashboard_id;
    std::string title;
    std::string description;
    std::string panel_type;  // DashboardPanelCalculator, DashboardPanelDashboardNote, ...
    int64_t row = 0;
    int64_t column = 0;
    int64_t width = 6;
    int64_t height = 3;
    std::optional<std::string> block_id;  // the selector block the panel shows
    std::string extra_options = "{}";
    std::string date_created;
};

// A dashboard found by its id alone, with the tenant of its project.
struct LocatedDashboard {
    DashboardRecord dashboard;
    std::string tenant_id;
};

class DashboardRepository {
public:
    virtual ~DashboardRepository() = default;

    virtual void insert(const DashboardRecord& dashboard) = 0;
    // The dashboard when it belongs to that project.
    virtual std::optional<DashboardRecord> find(const std::string& project_id,
                                                const std::string& dashboard_id) = 0;
    virtual std::optional<DashboardRecord> find_for_notebook(const std::string& notebook_id) = 0;
    // For the dashboard pages, whose URLs name the dashboard only.
    virtual std::optional<LocatedDashboard> locate(const std::string& dashboard_id) = 0;
    // The project's dashboards (its own and its notebooks'), by dashboard_order.
    virtual std::vector<DashboardRecord> list(const std::string& project_id, int64_t offset,
                                              int64_t limit) = 0;
    virtual int64_t count(const std::string& project_id) = 0;
    virtual double next_order(const std::string& project_id) = 0;
    // Name, description, modified_by and date_modified.
    virtual void update(const DashboardRecord& dashboard) = 0;
    virtual void remove(const std::string& dashboard_id) = 0;

    virtual void insert_panel(const PanelRecord& panel) = 0;
    virtual std::optional<PanelRecord> find_panel(const std::string& dashboard_id,
                                                  const std::string& panel_id) = 0;
    // Ordered by row, then column.
    virtual std::vector<PanelRecord> panels(const std::string& dashboard_id) = 0;
    // Title, description, layout and extra options.
    virtual void update_panel(const PanelRecord& panel) = 0;
    virtual void remove_panel(const std::string& panel_id) = 0;
};

}  // namespace pmstudio::storage
