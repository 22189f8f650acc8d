#include "services/project_member_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/project_lookup.h"

namespace pmstudio::services {
namespace {

[[noreturn]] void not_a_member() {
    throw ServiceError(ErrorKind::NotFound, "User is not a member of this project");
}

}  // namespace

std::vector<storage::ProjectMember> ProjectMemberService::list(const std::string& tenant_id,
                                                               const std::string& project_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return store_.project_members().list(project_id);
}

void ProjectMemberService::add(const std::string& tenant_id, const std::string& project_id,
                               const std::string& user_id, bool is_owner) {
    try {
        store_.transaction([&] {
            use_project(store_, cache_, tenant_id, project_id);
            if (!store_.users().is_assigned(tenant_id, user_id)) {
                throw ServiceError(ErrorKind::NotFound,
                                   fmt::format("User not found with ID '{}'", user_id));
            }
            store_.project_members().add(
                {new_guid(), project_id, user_id, "", "", is_owner, now_iso8601()});
        });
    } catch (const storage::UniqueConstraintError&) {
        throw ServiceError(ErrorKind::Conflict, "User is already a member of this project");
    }
}

void ProjectMemberService::set_owner(const std::string& tenant_id, const std::string& project_id,
                                     const std::string& user_id, bool is_owner) {
    use_project(store_, cache_, tenant_id, project_id);
    if (!store_.project_members().set_owner(project_id, user_id, is_owner)) not_a_member();
}

void ProjectMemberService::remove(const std::string& tenant_id, const std::string& project_id,
                                  const std::string& user_id) {
    use_project(store_, cache_, tenant_id, project_id);
    if (!store_.project_members().remove(project_id, user_id)) not_a_member();
}

}  // namespace pmstudio::services
