#pragma once

#include "storage/project_member_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteProjectMemberRepository final : public ProjectMemberRepository {
public:
    explicit SqliteProjectMemberRepository(SqliteDatabase& database) : db_(database) {}

    std::vector<ProjectMember> list(const std::string& project_id) override;
    std::optional<ProjectMember> find(const std::string& project_id,
                                      const std::string& user_id) override;
    void add(const ProjectMember& member) override;
    bool set_owner(const std::string& project_id, const std::string& user_id,
                   bool is_owner) override;
    bool remove(const std::string& project_id, const std::string& user_id) override;
    void remove_from_tenant_projects(const std::string& tenant_id,
                                     const std::string& user_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
