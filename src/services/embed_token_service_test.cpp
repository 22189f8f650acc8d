#include "services/embed_token_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/crypto.h"
#include "common/guid.h"
#include "common/service_error.h"

namespace pmstudio::services {
namespace {

constexpr const char* kDate = "2024-01-01T00:00:00Z";

std::unique_ptr<storage::Store> open_store(const std::filesystem::path& directory) {
    std::filesystem::create_directories(directory);
    return storage::open_sqlite_store(directory / "pmstudio.db");
}

class EmbedTokenServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        storage::TenantRecord tenant;
        tenant.id = tenant_id;
        tenant.name = tenant.display_name = "tenant";
        tenant.date_created = kDate;
        store->tenants().insert(tenant);
        storage::ProjectRecord project;
        project.id = project_id;
        project.tenant_id = tenant_id;
        project.name = "project";
        project.date_created = project.date_modified = kDate;
        store->projects().insert(project);
        for (const auto& id : {dashboard_id, other_dashboard_id}) {
            storage::DashboardRecord dashboard;
            dashboard.id = id;
            dashboard.project_id = project_id;
            dashboard.name = "Operations";
            dashboard.date_created = dashboard.date_modified = kDate;
            store->dashboards().insert(dashboard);
        }
    }
    void TearDown() override { std::filesystem::remove_all(directory); }

    IssuedEmbedToken issue(std::optional<int64_t> minutes = std::nullopt) {
        return service.issue(Caller{"key", "ops key", tenant_id}, tenant_id, project_id,
                             dashboard_id, minutes);
    }

    // The message verify() refuses the token with.
    std::string refusal(const std::string& token) {
        try {
            service.verify(token);
        } catch (const ServiceError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::Unauthorized);
            return error.what();
        }
        return "accepted";
    }

    // A token signed like the service signs, for a record written directly.
    std::string signed_token(const std::string& id, const std::string& dashboard, int64_t expires) {
        const auto key = store->embed_tokens().signing_key([] { return std::string("unused"); });
        return id + "." + std::to_string(expires) + "." +
               hmac_sha256_hex(
                   key, "pmstudio-embed|" + id + "|" + dashboard + "|" + std::to_string(expires));
    }

    std::filesystem::path directory =
        std::filesystem::temp_directory_path() / ("pmstudio-embed-" + new_guid());
    std::unique_ptr<storage::Store> store = open_store(directory);
    std::string tenant_id = new_guid();
    std::string project_id = new_guid();
    std::string dashboard_id = new_guid();
    std::string other_dashboard_id = new_guid();
    ProjectCache cache;
    DashboardService dashboards{*store, cache};
    EmbedTokenService service{*store, dashboards};
};

TEST_F(EmbedTokenServiceTest, AnIssuedTokenGrantsItsDashboard) {
    const auto issued = issue(60);
    const auto grant = service.verify(issued.token);
    EXPECT_EQ(grant.record.id, issued.record.id);
    EXPECT_EQ(grant.dashboard.dashboard.id, dashboard_id);
    EXPECT_EQ(grant.dashboard.tenant_id, tenant_id);
    EXPECT_EQ(issued.record.created_by, "ops key");
    EXPECT_EQ(issued.token.find(issued.record.id + "."), 0U);
}

TEST_F(EmbedTokenServiceTest, ExpiryIsBetweenAMinuteAndAYear) {
    for (const int64_t minutes : {int64_t{0}, int64_t{-5}, EmbedTokenService::kMaxMinutes + 1}) {
        EXPECT_THROW(issue(minutes), ServiceError) << minutes;
    }
    EXPECT_NO_THROW(issue(EmbedTokenService::kMaxMinutes));
}

TEST_F(EmbedTokenServiceTest, RefusesMissingMalformedAndForgedTokens) {
    const auto token = issue().token;
    EXPECT_EQ(refusal(""), "This page needs an embed token (?token=…)");
    EXPECT_EQ(refusal("nonsense"), "The embed token is malformed");
    EXPECT_EQ(refusal("not-a-guid.123.abc"), "The embed token is malformed");
    auto forged = token;
    forged.back() = forged.back() == '0' ? '1' : '0';
    EXPECT_EQ(refusal(forged), "The embed token is not valid");
    const auto first_dot = token.find('.');
    const auto second_dot = token.find('.', first_dot + 1);
    const auto later = token.substr(0, first_dot + 1) + "9999999999" + token.substr(second_dot);
    EXPECT_EQ(refusal(later), "The embed token is not valid");
    EXPECT_EQ(refusal(new_guid() + token.substr(first_dot)), "The embed token is not valid");
}

TEST_F(EmbedTokenServiceTest, RefusesRevokedAndExpiredTokens) {
    const auto issued = issue();
    service.revoke(tenant_id, project_id, dashboard_id, issued.record.id);
    EXPECT_EQ(refusal(issued.token), "The embed token was revoked");

    const auto id = new_guid();
    store->embed_tokens().insert(storage::EmbedTokenRecord{
        id, dashboard_id, "ops key", kDate, "2024-01-02T00:00:00.000Z", std::nullopt});
    EXPECT_EQ(refusal(signed_token(id, dashboard_id, 1704153600)), "The embed token has expired");
}

TEST_F(EmbedTokenServiceTest, ATokenCannotBeMovedToAnotherDashboard) {
    const auto issued = issue();
    const auto expires = issued.token.substr(issued.token.find('.') + 1, 10);
    const auto moved = signed_token(issued.record.id, other_dashboard_id, std::stoll(expires));
    EXPECT_EQ(refusal(moved), "The embed token is not valid");
}

TEST_F(EmbedTokenServiceTest, RevokingNeedsATokenOfThatDashboard) {
    const auto issued = issue();
    EXPECT_THROW(service.revoke(tenant_id, project_id, other_dashboard_id, issued.record.id),
                 ServiceError);
    EXPECT_THROW(service.revoke(tenant_id, project_id, dashboard_id, new_guid()), ServiceError);
    EXPECT_EQ(service.list(tenant_id, project_id, dashboard_id).size(), 1U);
    EXPECT_TRUE(service.list(tenant_id, project_id, other_dashboard_id).empty());
}

TEST_F(EmbedTokenServiceTest, TheSigningKeyIsMadeOnceAndKept) {
    const auto first = store->embed_tokens().signing_key([] { return std::string("first"); });
    EXPECT_EQ(store->embed_tokens().signing_key([] { return std::string("second"); }), first);
    EXPECT_EQ(first, "first");
}

}  // namespace
}  // namespace pmstudio::services
