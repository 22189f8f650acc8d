#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct ProjectMember {
    std::string permission_id;
    std::string project_id;
    std::string user_id;
    std::string email;
    std::string display_name;
    bool is_owner = false;
    std::string date_assigned;
};

class ProjectMemberRepository {
public:
    virtual ~ProjectMemberRepository() = default;

    // Ordered by assignment date, then display name.
    virtual std::vector<ProjectMember> list(const std::string& project_id) = 0;
    virtual std::optional<ProjectMember> find(const std::string& project_id,
                                              const std::string& user_id) = 0;
    // Throws UniqueConstraintError when the user is already a member.
    virtual void add(const ProjectMember& member) = 0;
    virtual bool set_owner(const std::string& project_id, const std::string& user_id,
                           bool is_owner) = 0;
    virtual bool remove(const std::string& project_id, const std::string& user_id) = 0;
    // Removes the user from every project of the tenant (when the user leaves the tenant).
    virtual void remove_from_tenant_projects(const std::string& tenant_id,
                                             const std::string& user_id) = 0;
};

}  // namespace pmstudio::storage
