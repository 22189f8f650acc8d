#pragma once

#include "storage/dashboard_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteDashboardRepository final : public DashboardRepository {
public:
    explicit SqliteDashboardRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const DashboardRecord& dashboard) override;
    std::optional<DashboardRecord> find_for_notebook(const std::string& notebook_id) override;
    void insert_panel(const PanelRecord& panel) override;
    std::vector<PanelRecord> panels(const std::string& dashboard_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
