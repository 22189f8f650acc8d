#pragma once

#include <string>
#include <vector>

#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// Who may use a project. Only users assigned to the project's tenant can become members; any
// other user id is "not found", so a tenant never learns about users of other tenants.
class ProjectMemberService {
public:
    ProjectMemberService(storage::Store& store, ProjectCache& cache)
        : store_(store), cache_(cache) {}

    std::vector<storage::ProjectMember> list(const std::string& tenant_id,
                                             const std::string& project_id);
    // Conflict when the user is already a member.
    void add(const std::string& tenant_id, const std::string& project_id,
             const std::string& user_id, bool is_owner);
    // NotFound when the user is not a member.
    void set_owner(const std::string& tenant_id, const std::string& project_id,
                   const std::string& user_id, bool is_owner);
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& user_id);

private:
    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
