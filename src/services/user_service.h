#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/paging.h"
#include "storage/store.h"

namespace pmstudio::services {

// A user as one caller may see it. Behind the tenant wall (a tenant key) only the caller's tenant
// appears in `tenants`, and a home tenant elsewhere is hidden (user.home_tenant_id is empty).
struct UserView {
    storage::UserRecord user;
    std::optional<std::string> home_tenant_name;
    std::vector<storage::TenantAssignment> tenants;  // ordered by tenant name
};

struct UserPage {
    std::vector<UserView> users;
    int64_t total_count = 0;
};

struct ListUsersInput {
    bool include_disabled = false;
    std::optional<std::string> role_name;
    std::optional<std::string> search;
    PageRequest page;
};

struct CreateUserInput {
    std::optional<std::string> email;
    std::optional<std::string> display_name;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::string> role_name;
};

// Absent fields mean "no change".
struct UpdateUserInput {
    std::string user_id;
    std::optional<std::string> display_name{};
    std::optional<std::string> first_name{};
    std::optional<std::string> last_name{};
    std::optional<std::string> role_name{};
    std::optional<bool> disabled{};
    std::optional<bool> is_service_account{};
    std::optional<std::string> home_tenant_id{};
};

struct TenantUserCreated {
    storage::UserRecord user;
    bool existing_user = false;  // the email was known: the user was assigned, not created
};

class UserService {
public:
    explicit UserService(storage::Store& store) : store_(store) {}

    // Global scope (global keys only).
    UserPage list(const ListUsersInput& input);
    UserView get(const std::string& user_id);
    UserView get_by_email(const std::string& email);
    storage::UserRecord create(const CreateUserInput& input);
    void update(const Caller& caller, const UpdateUserInput& input);

    // Tenant scope: the caller is a global key or a key of `tenant_id`.
    UserPage list_in_tenant(const Caller& caller, const std::string& tenant_id,
                            const ListUsersInput& input);
    UserView get_in_tenant(const Caller& caller, const std::string& tenant_id,
                           const std::string& user_id);
    UserView get_by_email_in_tenant(const Caller& caller, const std::string& tenant_id,
                                    const std::string& email);
    // Creates the user and assigns it, or assigns the existing user with that email.
    TenantUserCreated create_in_tenant(const Caller& caller, const std::string& tenant_id,
                                       const CreateUserInput& input);
    void assign(const Caller& caller, const std::string& tenant_id, const std::string& user_id,
                const std::optional<std::string>& role_name);
    void update_in_tenant(const Caller& caller, const std::string& tenant_id,
                          const UpdateUserInput& input);
    void remove_from_tenant(const std::string& tenant_id, const std::string& user_id);

private:
    // `wall`: the caller's tenant when it is a tenant key (see UserView).
    UserPage list_where(const std::optional<std::string>& tenant_id, const ListUsersInput& input,
                        const std::optional<std::string>& wall);
    UserView view(const storage::UserRecord& user, const std::optional<std::string>& wall);
    static storage::UserRecord new_user(const CreateUserInput& input);
    storage::UserRecord require_user(const std::string& user_id);
    storage::UserRecord require_assigned(const std::string& tenant_id, const std::string& user_id);
    // Applies an update to `user` after checking every rule; the caller stores the result.
    void apply_update(const Caller& caller, const UpdateUserInput& input,
                      storage::UserRecord& user);
    // Throws the documented capacity error unless `candidate` (in its new state) fits the tenant.
    // `counted`: the user's current state when it already counts as an active user of the tenant.
    void ensure_capacity(const std::string& tenant_id, const storage::UserRecord& candidate,
                         const std::optional<storage::UserRecord>& counted);

    storage::Store& store_;
};

}  // namespace pmstudio::services
