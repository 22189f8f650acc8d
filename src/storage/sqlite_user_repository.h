#pragma once

#include "storage/sqlite_database.h"
#include "storage/user_repository.h"

namespace pmstudio::storage {

class SqliteUserRepository final : public UserRepository {
public:
    explicit SqliteUserRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const UserRecord& user) override;
    std::optional<UserRecord> find(const std::string& id) override;
    std::optional<UserRecord> find_by_email(const std::string& email) override;
    void update(const UserRecord& user) override;
    std::vector<UserRecord> list(const UserQuery& query) override;
    int64_t count(const UserQuery& query) override;
    std::vector<TenantAssignment> assignments(const std::string& user_id) override;
    bool is_assigned(const std::string& tenant_id, const std::string& user_id) override;
    void assign(const std::string& tenant_id, const std::string& user_id,
                const std::string& date_assigned) override;
    bool unassign(const std::string& tenant_id, const std::string& user_id) override;
    int64_t count_active_in_tenant(const std::string& tenant_id,
                                   const std::optional<std::string>& role_name) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
