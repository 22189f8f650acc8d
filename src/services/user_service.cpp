#include "services/user_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/tenant_service.h"
#include "services/user_rules.h"

namespace pmstudio::services {
namespace {

constexpr const char* kNotAssigned = "User is not assigned to this tenant";

ServiceError user_not_found(const std::string& user_id) {
    return ServiceError(ErrorKind::NotFound, fmt::format("User not found with ID '{}'", user_id))
        .with("userId", user_id);
}

ServiceError email_not_found(const std::string& email) {
    return ServiceError(ErrorKind::NotFound, fmt::format("User not found with email '{}'", email))
        .with("email", email);
}

ServiceError capacity_error(const char* limit, int64_t maximum) {
    return ServiceError(ErrorKind::BadRequest,
                        fmt::format("Cannot add user: tenant has reached its maximum {} limit ({})",
                                    limit, maximum))
        .with("hint", "Increase the tenant's user or analyst limit to add more users");
}

// A tenant key acts for one tenant: it cannot hand out system-wide power or point a service
// account at another tenant.
void check_tenant_key_grants(const Caller& caller, const std::optional<std::string>& role,
                             const std::optional<std::string>& home_tenant_id) {
    if (caller.is_global()) return;
    if (role == kAdministrator) {
        throw ServiceError(ErrorKind::Forbidden,
                           "Tenant API keys cannot grant the Administrator role");
    }
    if (home_tenant_id && *home_tenant_id != *caller.tenant_id) {
        throw ServiceError(ErrorKind::Forbidden,
                           "Tenant API keys can only set homeTenantId to their own tenant");
    }
}

std::optional<std::string> canonical(const std::optional<std::string>& role_name) {
    return role_name ? canonical_role(*role_name) : std::nullopt;
}

}  // namespace

UserPage UserService::list(const ListUsersInput& input) {
    return list_where(std::nullopt, input, std::nullopt);
}

UserView UserService::get(const std::string& user_id) {
    return view(require_user(user_id), std::nullopt);
}

UserView UserService::get_by_email(const std::string& email) {
    auto user = store_.users().find_by_email(email);
    if (!user) throw email_not_found(email);
    return view(*user, std::nullopt);
}

storage::UserRecord UserService::create(const CreateUserInput& input) {
    validate_create(input);
    auto user = new_user(input);
    try {
        store_.users().insert(user);
    } catch (const storage::UniqueConstraintError&) {
        throw ServiceError(ErrorKind::Conflict,
                           fmt::format("A user with email '{}' already exists", user.email));
    }
    return user;
}

void UserService::update(const Caller& caller, const UpdateUserInput& input) {
    validate_update(input);
    store_.transaction([&] {
        auto user = require_user(input.user_id);
        apply_update(caller, input, user);
        store_.users().update(user);
    });
}

UserPage UserService::list_in_tenant(const Caller& caller, const std::string& tenant_id,
                                     const ListUsersInput& input) {
    require_tenant(store_, tenant_id);
    return list_where(tenant_id, input, caller.tenant_id);
}

UserView UserService::get_in_tenant(const Caller& caller, const std::string& tenant_id,
                                    const std::string& user_id) {
    require_tenant(store_, tenant_id);
    return view(require_assigned(tenant_id, user_id), caller.tenant_id);
}

UserView UserService::get_by_email_in_tenant(const Caller& caller, const std::string& tenant_id,
                                             const std::string& email) {
    require_tenant(store_, tenant_id);
    auto user = store_.users().find_by_email(email);
    if (!user || !store_.users().is_assigned(tenant_id, user->id)) throw email_not_found(email);
    return view(*user, caller.tenant_id);
}

TenantUserCreated UserService::create_in_tenant(const Caller& caller, const std::string& tenant_id,
                                                const CreateUserInput& input) {
    require_tenant(store_, tenant_id);
    validate_create(input);
    check_tenant_key_grants(caller, canonical(input.role_name), std::nullopt);
    TenantUserCreated result;
    store_.transaction([&] {
        if (auto existing = store_.users().find_by_email(*input.email)) {
            if (store_.users().is_assigned(tenant_id, existing->id)) {
                throw ServiceError(ErrorKind::Conflict, "User is already assigned to this tenant");
            }
            result = {*existing, true};
        } else {
            result = {new_user(input), false};
            store_.users().insert(result.user);
        }
        if (!result.user.disabled) ensure_capacity(tenant_id, result.user, std::nullopt);
        store_.users().assign(tenant_id, result.user.id, now_iso8601());
    });
    return result;
}

void UserService::assign(const Caller& caller, const std::string& tenant_id,
                         const std::string& user_id, const std::optional<std::string>& role_name) {
    require_tenant(store_, tenant_id);
    const UpdateUserInput role_change{.user_id = user_id, .role_name = role_name};
    validate_update(role_change);
    store_.transaction([&] {
        auto user = require_user(user_id);
        if (store_.users().is_assigned(tenant_id, user_id)) {
            throw ServiceError(ErrorKind::Conflict, "User is already assigned to this tenant");
        }
        apply_update(caller, role_change, user);
        if (!user.disabled) ensure_capacity(tenant_id, user, std::nullopt);
        store_.users().update(user);
        store_.users().assign(tenant_id, user_id, now_iso8601());
    });
}

void UserService::update_in_tenant(const Caller& caller, const std::string& tenant_id,
                                   const UpdateUserInput& input) {
    require_tenant(store_, tenant_id);
    validate_update(input);
    store_.transaction([&] {
        const auto before = require_assigned(tenant_id, input.user_id);
        auto after = before;
        apply_update(caller, input, after);
        const bool reenabled = before.disabled && !after.disabled;
        const bool became_analyst = after.role_name == kAnalyst && before.role_name != kAnalyst;
        if (!after.disabled && (reenabled || became_analyst)) {
            ensure_capacity(tenant_id, after,
                            before.disabled ? std::nullopt : std::optional(before));
        }
        store_.users().update(after);
    });
}

void UserService::remove_from_tenant(const std::string& tenant_id, const std::string& user_id) {
    require_tenant(store_, tenant_id);
    store_.transaction([&] {
        if (!store_.users().unassign(tenant_id, user_id)) {
            throw ServiceError(ErrorKind::NotFound, kNotAssigned).with("userId", user_id);
        }
        store_.project_members().remove_from_tenant_projects(tenant_id, user_id);
    });
}

UserPage UserService::list_where(const std::optional<std::string>& tenant_id,
                                 const ListUsersInput& input,
                                 const std::optional<std::string>& wall) {
    const storage::UserQuery query{.tenant_id = tenant_id,
                                   .include_disabled = input.include_disabled,
                                   .role_name = input.role_name,
                                   .search = input.search,
                                   .offset = input.page.offset(),
                                   .limit = input.page.page_size};
    UserPage page;
    page.total_count = store_.users().count(query);
    for (const auto& user : store_.users().list(query)) page.users.push_back(view(user, wall));
    return page;
}

UserView UserService::view(const storage::UserRecord& user,
                           const std::optional<std::string>& wall) {
    UserView result{user, std::nullopt, {}};
    for (auto& assignment : store_.users().assignments(user.id)) {
        if (!wall || assignment.tenant_id == *wall) result.tenants.push_back(std::move(assignment));
    }
    auto& home = result.user.home_tenant_id;
    if (home && wall && *home != *wall) home.reset();
    if (home) {
        if (auto tenant = store_.tenants().find(*home)) result.home_tenant_name = tenant->name;
    }
    return result;
}

storage::UserRecord UserService::new_user(const CreateUserInput& input) {
    storage::UserRecord user;
    user.id = new_guid();
    user.email = *input.email;
    user.display_name = *input.display_name;
    user.first_name = input.first_name;
    user.last_name = input.last_name;
    user.role_name = *canonical(input.role_name);
    user.date_created = now_iso8601();
    return user;
}

storage::UserRecord UserService::require_user(const std::string& user_id) {
    auto user = store_.users().find(user_id);
    if (!user) throw user_not_found(user_id);
    return *user;
}

storage::UserRecord UserService::require_assigned(const std::string& tenant_id,
                                                  const std::string& user_id) {
    auto user = store_.users().find(user_id);
    if (!user || !store_.users().is_assigned(tenant_id, user_id)) {
        throw ServiceError(ErrorKind::NotFound, kNotAssigned).with("userId", user_id);
    }
    return *user;
}

void UserService::apply_update(const Caller& caller, const UpdateUserInput& input,
                               storage::UserRecord& user) {
    const auto requested_role = canonical(input.role_name);
    check_tenant_key_grants(caller, requested_role, input.home_tenant_id);

    const std::string role = requested_role.value_or(user.role_name);
    const bool service_account = input.is_service_account.value_or(user.is_service_account);
    if (service_account) {
        if (!may_be_service_account(role)) {
            throw ServiceError(ErrorKind::BadRequest,
                               "Only Administrator and TenantAdmin roles can be service accounts");
        }
        if (!user.is_service_account && !input.home_tenant_id) {
            throw ServiceError(ErrorKind::BadRequest,
                               "homeTenantId is required when making a user a service account");
        }
    }
    if (input.home_tenant_id && !store_.tenants().find(*input.home_tenant_id)) {
        throw ServiceError(ErrorKind::BadRequest,
                           fmt::format("Home tenant '{}' not found", *input.home_tenant_id));
    }

    if (input.display_name) user.display_name = *input.display_name;
    if (input.first_name) user.first_name = input.first_name;
    if (input.last_name) user.last_name = input.last_name;
    if (input.disabled) user.disabled = *input.disabled;
    user.role_name = role;
    user.is_service_account = service_account;
    if (!service_account) {
        user.home_tenant_id.reset();
    } else if (input.home_tenant_id) {
        user.home_tenant_id = input.home_tenant_id;
    }
}

void UserService::ensure_capacity(const std::string& tenant_id,
                                  const storage::UserRecord& candidate,
                                  const std::optional<storage::UserRecord>& counted) {
    const auto tenant = require_tenant(store_, tenant_id);
    auto& users = store_.users();
    if (tenant.max_users >= 0) {
        const int64_t others =
            users.count_active_in_tenant(tenant_id, std::nullopt) - (counted ? 1 : 0);
        if (others >= tenant.max_users) throw capacity_error("user", tenant.max_users);
    }
    if (candidate.role_name == kAnalyst && tenant.max_analysts >= 0) {
        const bool counted_as_analyst = counted && counted->role_name == kAnalyst;
        const int64_t others = users.count_active_in_tenant(tenant_id, std::string(kAnalyst)) -
                               (counted_as_analyst ? 1 : 0);
        if (others >= tenant.max_analysts) throw capacity_error("analyst", tenant.max_analysts);
    }
}

}  // namespace pmstudio::services
