#include "storage/migrations.h"
#include "storage/sqlite_api_key_repository.h"
#include "storage/sqlite_block_repository.h"
#include "storage/sqlite_dashboard_repository.h"
#include "storage/sqlite_database.h"
#include "storage/sqlite_dataset_repository.h"
#include "storage/sqlite_embed_token_repository.h"
#include "storage/sqlite_execution_repository.h"
#include "storage/sqlite_investigation_repository.h"
#include "storage/sqlite_notebook_repository.h"
#include "storage/sqlite_project_member_repository.h"
#include "storage/sqlite_project_repository.h"
#include "storage/sqlite_project_thumbnail_repository.h"
#include "storage/sqlite_template_repository.h"
#include "storage/sqlite_tenant_repository.h"
#include "storage/sqlite_user_repository.h"
#include "storage/sqlite_web_session_repository.h"
#include "storage/store.h"

namespace pmstudio::storage {
namespace {

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::filesystem::path& file)
        : db_(file),
          tenants_(db_),
          users_(db_),
          api_keys_(db_),
          projects_(db_),
          project_members_(db_),
          project_thumbnails_(db_),
          datasets_(db_),
          investigations_(db_),
          notebooks_(db_),
          blocks_(db_),
          dashboards_(db_),
          templates_(db_),
          executions_(db_),
          web_sessions_(db_),
          embed_tokens_(db_) {
        apply_migrations(db_);
    }

    TenantRepository& tenants() override { return tenants_; }
    UserRepository& users() override { return users_; }
    ApiKeyRepository& api_keys() override { return api_keys_; }
    ProjectRepository& projects() override { return projects_; }
    ProjectMemberRepository& project_members() override { return project_members_; }
    ProjectThumbnailRepository& project_thumbnails() override { return project_thumbnails_; }
    DatasetRepository& datasets() override { return datasets_; }
    InvestigationRepository& investigations() override { return investigations_; }
    NotebookRepository& notebooks() override { return notebooks_; }
    BlockRepository& blocks() override { return blocks_; }
    DashboardRepository& dashboards() override { return dashboards_; }
    TemplateRepository& templates() override { return templates_; }
    ExecutionRepository& executions() override { return executions_; }
    WebSessionRepository& web_sessions() override { return web_sessions_; }
    EmbedTokenRepository& embed_tokens() override { return embed_tokens_; }
    void transaction(const std::function<void()>& work) override { db_.write_transaction(work); }

private:
    SqliteDatabase db_;
    SqliteTenantRepository tenants_;
    SqliteUserRepository users_;
    SqliteApiKeyRepository api_keys_;
    SqliteProjectRepository projects_;
    SqliteProjectMemberRepository project_members_;
    SqliteProjectThumbnailRepository project_thumbnails_;
    SqliteDatasetRepository datasets_;
    SqliteInvestigationRepository investigations_;
    SqliteNotebookRepository notebooks_;
    SqliteBlockRepository blocks_;
    SqliteDashboardRepository dashboards_;
    SqliteTemplateRepository templates_;
    SqliteExecutionRepository executions_;
    SqliteWebSessionRepository web_sessions_;
    SqliteEmbedTokenRepository embed_tokens_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& database_file) {
    return std::make_unique<SqliteStore>(database_file);
}

}  // namespace pmstudio::storage
