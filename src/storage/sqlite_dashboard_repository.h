#pragma once

#include "storage/dashboard_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteDashboardRepository final : public DashboardRepository {
public:
    explicit SqliteDashboardRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const DashboardRecord& dashboard) override;
    std::optional<DashboardRecord> find(const std::string& project_id,
                                        const std::string& dashboard_id) override;
    std::optional<DashboardRecord> find_for_notebook(const std::string& notebook_id) override;
    std::optional<LocatedDashboard> locate(const std::string& dashboard_id) override;
    std::vector<DashboardRecord> list(const std::string& project_id, int64_t offset,
                                      int64_t limit) override;
    int64_t count(const std::string& project_id) override;
    double next_order(const std::string& project_id) override;
    void update(const DashboardRecord& dashboard) override;
    void remove(const std::string& dashboard_id) override;

    void insert_panel(const PanelRecord& panel) override;
    std::optional<PanelRecord> find_panel(const std::string& dashboard_id,
                                          const std::string& panel_id) override;
    std::vector<PanelRecord> panels(const std::string& dashboard_id) override;
    void update_panel(const PanelRecord& panel) override;
    void remove_panel(const std::string& panel_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
