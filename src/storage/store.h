#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "storage/api_key_repository.h"
#include "storage/block_repository.h"
#include "storage/dashboard_repository.h"
#include "storage/dataset_repository.h"
#include "storage/embed_token_repository.h"
#include "storage/execution_repository.h"
#include "storage/investigation_repository.h"
#include "storage/notebook_repository.h"
#include "storage/project_member_repository.h"
#include "storage/project_repository.h"
#include "storage/project_thumbnail_repository.h"
#include "storage/storage_errors.h"
#include "storage/template_repository.h"
#include "storage/tenant_repository.h"
#include "storage/user_repository.h"
#include "storage/web_session_repository.h"

namespace pmstudio::storage {

// The metadata store: every repository plus atomic units of work spanning them. Services depend on
// this interface only, so a PostgreSQL implementation can replace SQLite without touching them.
class Store {
public:
    virtual ~Store() = default;

    virtual TenantRepository& tenants() = 0;
    virtual UserRepository& users() = 0;
    virtual ApiKeyRepository& api_keys() = 0;
    virtual ProjectRepository& projects() = 0;
    virtual ProjectMemberRepository& project_members() = 0;
    virtual ProjectThumbnailRepository& project_thumbnails() = 0;
    virtual DatasetRepository& datasets() = 0;
    virtual InvestigationRepository& investigations() = 0;
    virtual NotebookRepository& notebooks() = 0;
    virtual BlockRepository& blocks() = 0;
    virtual DashboardRepository& dashboards() = 0;
    virtual TemplateRepository& templates() = 0;
    virtual ExecutionRepository& executions() = 0;
    virtual WebSessionRepository& web_sessions() = 0;
    virtual EmbedTokenRepository& embed_tokens() = 0;

    // Runs `work` atomically: every repository call inside it commits together or not at all, and
    // concurrent units of work are serialised.
    virtual void transaction(const std::function<void()>& work) = 0;
};

// Opens (creating if needed) the SQLite store at `database_file` and applies pending migrations.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& database_file);

}  // namespace pmstudio::storage
