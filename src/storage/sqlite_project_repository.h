#pragma once

#include "storage/project_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteProjectRepository final : public ProjectRepository {
public:
    explicit SqliteProjectRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const ProjectRecord& project) override;
    std::optional<ProjectRecord> find(const std::string& tenant_id,
                                      const std::string& project_id) override;
    std::vector<ProjectRecord> list(const std::string& tenant_id, int64_t offset,
                                    int64_t limit) override;
    int64_t count(const std::string& tenant_id) override;
    ProjectCounts counts(const std::string& project_id) override;
    void update(const ProjectRecord& project) override;
    bool remove(const std::string& tenant_id, const std::string& project_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
