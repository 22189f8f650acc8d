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

class DashboardRepository {
public:
    virtual ~DashboardRepository() = default;

    virtual void insert(const DashboardRecord& dashboard) = 0;
    virtual std::optional<DashboardRecord> find_for_notebook(const std::string& notebook_id) = 0;
    virtual void insert_panel(const PanelRecord& panel) = 0;
    // Ordered by row, then column.
    virtual std::vector<PanelRecord> panels(const std::string& dashboard_id) = 0;
};

}  // namespace pmstudio::storage
