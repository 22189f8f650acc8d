#include "storage/sqlite_project_member_repository.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/guid.h"
#include "storage/store.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kDate = "2024-01-01T00:00:00Z";
const std::string kUserId = "user-1";

class ProjectMemberRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(directory);
        store = open_sqlite_store(directory / "pmstudio.db");
        UserRecord user;
        user.id = kUserId;
        user.email = "u@example.com";
        user.display_name = "User";
        user.role_name = "Viewer";
        user.date_created = kDate;
        store->users().insert(user);
        for (const std::string tenant_id : {"a", "b"}) add_membership_in_new_tenant(tenant_id);
    }
    void TearDown() override {
        store.reset();
        std::filesystem::remove_all(directory);
    }

    // Tenant `tenant_id` with project "<tenant_id>-project", of which the user is a member.
    void add_membership_in_new_tenant(const std::string& tenant_id) {
        TenantRecord tenant;
        tenant.id = tenant_id;
        tenant.name = tenant_id + "-tenant";
        tenant.display_name = tenant_id;
        tenant.date_created = kDate;
        store->tenants().insert(tenant);
        ProjectRecord project;
        project.id = tenant_id + "-project";
        project.tenant_id = tenant_id;
        project.name = "project";
        project.date_created = project.date_modified = kDate;
        store->projects().insert(project);
        ProjectMember member;
        member.permission_id = new_guid();
        member.project_id = project.id;
        member.user_id = kUserId;
        member.date_assigned = kDate;
        store->project_members().add(member);
    }

    std::filesystem::path directory =
        std::filesystem::temp_directory_path() / ("pmstudio-members-" + new_guid());
    std::unique_ptr<Store> store;
};

TEST_F(ProjectMemberRepositoryTest, RemoveFromTenantProjectsLeavesOtherTenantsAlone) {
    store->project_members().remove_from_tenant_projects("a", kUserId);
    EXPECT_FALSE(store->project_members().find("a-project", kUserId));
    EXPECT_TRUE(store->project_members().find("b-project", kUserId));
}

}  // namespace
}  // namespace pmstudio::storage
