#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct UserRecord {
    std::string id;
    std::string email;
    std::string display_name;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::string role_name;
    bool disabled = false;
    bool is_service_account = false;
    std::optional<std::string> home_tenant_id;
    std::optional<std::string> last_login;
    std::string date_created;
};

struct TenantAssignment {
    std::string tenant_id;
    std::string tenant_name;
    std::string tenant_display_name;
    std::string date_assigned;
};

struct UserQuery {
    std::optional<std::string> tenant_id;  // only users assigned to this tenant
    bool include_disabled = false;
    std::optional<std::string> role_name;  // exact, case-insensitive
    std::optional<std::string> search;     // substring of email or display name, case-insensitive
    int64_t offset = 0;
    int64_t limit = 50;
};

class UserRepository {
public:
    virtual ~UserRepository() = default;

    // Throws UniqueConstraintError when the email is taken (emails compare case-insensitively).
    virtual void insert(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> find(const std::string& id) = 0;
    virtual std::optional<UserRecord> find_by_email(const std::string& email) = 0;
    virtual void update(const UserRecord& user) = 0;
    // Ordered by display name, then id.
    virtual std::vector<UserRecord> list(const UserQuery& query) = 0;
    virtual int64_t count(const UserQuery& query) = 0;

    // Ordered by tenant name.
    virtual std::vector<TenantAssignment> assignments(const std::string& user_id) = 0;
    virtual bool is_assigned(const std::string& tenant_id, const std::string& user_id) = 0;
    virtual void assign(const std::string& tenant_id, const std::string& user_id,
                        const std::string& date_assigned) = 0;
    virtual bool unassign(const std::string& tenant_id, const std::string& user_id) = 0;
    // Enabled users assigned to the tenant, optionally only those with the given role.
    virtual int64_t count_active_in_tenant(const std::string& tenant_id,
                                           const std::optional<std::string>& role_name) = 0;
};

}  // namespace pmstudio::storage
