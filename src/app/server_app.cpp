#include "app/server_app.h"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <ctime>
#include <iostream>
#include <set>
#include <thread>

#include "api/api_key_controller.h"
#include "api/block_controller.h"
#include "api/dashboard_controller.h"
#include "api/dashboard_page_authorizer.h"
#include "api/dashboard_page_controller.h"
#include "api/dashboard_page_data_controller.h"
#include "api/dashboard_panel_controller.h"
#include "api/dataset_controller.h"
#include "api/dataset_import_controller.h"
#include "api/dataset_preview_controller.h"
#include "api/embed_token_controller.h"
#include "api/execution_controller.h"
#include "api/http_server.h"
#include "api/investigation_controller.h"
#include "api/login_page_controller.h"
#include "api/notebook_controller.h"
#include "api/notebook_page_controller.h"
#include "api/openapi.h"
#include "api/ping_controller.h"
#include "api/project_cache_controller.h"
#include "api/project_controller.h"
#include "api/project_thumbnail_controller.h"
#include "api/project_transfer_controller.h"
#include "api/project_user_controller.h"
#include "api/router.h"
#include "api/template_controller.h"
#include "api/tenant_controller.h"
#include "api/tenant_user_controller.h"
#include "api/user_controller.h"
#include "api/web_asset_controller.h"
#include "app/bootstrap.h"
#include "app/bundled_templates.h"
#include "common/clock.h"
#include "jobs/worker_pool.h"
#include "services/api_key_service.h"
#include "services/block_service.h"
#include "services/dashboard_service.h"
#include "services/dashboard_view_service.h"
#include "services/dataset_cache.h"
#include "services/dataset_import_service.h"
#include "services/dataset_service.h"
#include "services/execution_service.h"
#include "services/investigation_service.h"
#include "services/notebook_service.h"
#include "services/project_cache.h"
#include "services/project_export.h"
#include "services/project_import.h"
#include "services/project_member_service.h"
#include "services/project_service.h"
#include "services/project_thumbnail_service.h"
#include "services/template_service.h"
#include "services/tenant_service.h"
#include "services/user_service.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"
#include "web/asset_catalog.h"
#include "web/pages.h"
#include "web/web_files.h"

namespace pmstudio::app {

namespace {

// Puts the files in line with the store after a crash or kill: containers of deleted tenants,
// dataset files no row refers to (an update or delete interrupted between commit and cleanup) and
// half-received uploads go; imports that were running are marked failed.
void recover_storage(storage::Store& store, storage::TenantStorage& tenant_storage) {
    const auto ids = store.tenants().all_ids();
    if (int removed = tenant_storage.remove_orphans({ids.begin(), ids.end()}); removed > 0) {
        spdlog::warn("removed {} storage containers of deleted tenants", removed);
    }
    std::set<std::string> referenced;
    for (const auto& file : store.datasets().stored_files()) {
        referenced.insert(file.tenant_id + "/" + file.dataset_id + "/" + file.file_name);
    }
    if (int removed = tenant_storage.sweep_dataset_files(referenced, true); removed > 0) {
        spdlog::warn("removed {} stray dataset or upload files", removed);
    }
    const int failed = store.datasets().fail_unfinished_imports(
        now_iso8601(), R"({"errors":[{"error":"The server stopped before the import finished"}]})");
    if (failed > 0) spdlog::warn("{} imports were interrupted by the previous shutdown", failed);
    const int cancelled = store.executions().fail_unfinished(
        now_iso8601(), "The server stopped before the execution finished");
    if (cancelled > 0)
        spdlog::warn("{} executions were interrupted by the previous shutdown", cancelled);
}

}  // namespace

int run_server(const ServerOptions& options) {
    spdlog::set_level(spdlog::level::from_str(options.log_level));

    // Block the shutdown signals before any thread starts so only the waiter below receives them.
    sigset_t shutdown_signals;
    sigemptyset(&shutdown_signals);
    sigaddset(&shutdown_signals, SIGTERM);
    sigaddset(&shutdown_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &shutdown_signals, nullptr);

    std::filesystem::create_directories(options.data_dir);
    auto store = storage::open_sqlite_store(database_file(options.data_dir));
    storage::TenantStorage tenant_storage(tenant_storage_root(options.data_dir));
    recover_storage(*store, tenant_storage);

    services::ApiKeyService api_keys(*store);
    services::ProjectCache project_cache;
    services::TenantService tenants(*store, tenant_storage, project_cache, options.max_tenants);
    services::DatasetCache dataset_cache(tenant_storage, project_cache);
    services::ProjectService projects(*store, project_cache, dataset_cache, tenant_storage);
    services::ProjectMemberService project_members(*store, project_cache);
    services::ProjectThumbnailService project_thumbnails(*store, project_cache);
    services::UserService users(*store);
    services::DatasetService datasets(*store, tenant_storage, project_cache, dataset_cache);
    jobs::WorkerPool workers(options.worker_threads);
    services::DatasetImportService imports(*store, datasets, workers);
    services::InvestigationService investigations(*store, project_cache);
    services::NotebookService notebooks(*store, project_cache);
    services::BlockService blocks(*store, project_cache);
    services::DashboardService dashboards(*store, project_cache);
    services::TemplateService templates(*store);
    services::BlockOutputCache block_outputs;
    services::NotebookRunner runner(*store, dataset_cache, block_outputs);
    jobs::WorkerPool execution_workers(options.execution_threads);
    services::ExecutionService executions(*store, project_cache, runner, execution_workers);
    services::WebSessionService web_sessions(*store, api_keys);
    services::EmbedTokenService embed_tokens(*store, dashboards);
    api::DashboardPageAuthorizer dashboard_pages(*store, web_sessions, embed_tokens);
    services::DashboardViewService dashboard_views(*store, project_cache, executions);
    const web::AssetCatalog web_assets(web::bundled_assets());
    const web::Pages web_pages(web::bundled_pages(), web_assets);
    services::ProjectExportService project_exports(*store, tenant_storage, project_cache);
    services::ProjectImportService project_imports(*store, tenant_storage, project_cache,
                                                   dataset_cache, templates);
    if (int installed = templates.install_bundled(bundled_templates()); installed > 0) {
        spdlog::info("installed {} global templates", installed);
    }

    api::Router router;
    api::register_ping_routes(router, *store);
    api::register_tenant_routes(router, tenants);
    api::register_api_key_routes(router, api_keys);
    api::register_project_routes(router, projects);
    api::register_project_cache_routes(router, projects);
    api::register_project_user_routes(router, project_members);
    api::register_project_thumbnail_routes(router, project_thumbnails);
    api::register_project_transfer_routes(router, project_exports, project_imports);
    api::register_user_routes(router, users);
    api::register_tenant_user_routes(router, users);
    api::register_dataset_routes(router, datasets);
    api::register_dataset_import_routes(router, datasets, imports);
    api::register_dataset_preview_route(router, datasets);
    api::register_investigation_routes(router, investigations);
    api::register_notebook_routes(router, notebooks);
    api::register_block_routes(router, blocks);
    api::register_dashboard_routes(router, dashboards);
    api::register_dashboard_panel_routes(router, dashboards);
    api::register_template_routes(router, templates);
    api::register_execution_routes(router, executions);
    api::register_embed_token_routes(router, embed_tokens);
    api::register_login_page_routes(router, web_sessions);
    api::register_dashboard_page_routes(router, dashboard_pages, web_pages);
    api::register_dashboard_page_data_routes(router, dashboard_pages, dashboard_views);
    api::register_web_asset_routes(router, web_assets);
    api::register_notebook_page_route(router);
    api::register_openapi_route(router);

    api::HttpServer server(options.http, router, api_keys);
    const int port = server.bind();

    if (auto secret = bootstrap_global_key(api_keys, admin_key_file(options.data_dir))) {
        std::cout << "pmstudio: created the global admin API key (shown once; saved to "
                  << admin_key_file(options.data_dir).string() << ", mode 0600):\n  " << *secret
                  << "\n";
    } else {
        std::cout << "pmstudio: the global admin API key of the first start is in "
                  << admin_key_file(options.data_dir).string() << "\n";
    }
    std::cout << "pmstudio: listening on http://" << options.http.host << ":" << port << std::endl;

    // serve() may also end without a signal (a socket error); the waiter then notices `served`.
    std::atomic<bool> served{false};
    std::thread signal_waiter([&] {
        const timespec poll_interval{0, 200'000'000};
        while (!served) {
            const int signal_number = sigtimedwait(&shutdown_signals, nullptr, &poll_interval);
            if (signal_number > 0) {
                spdlog::info("signal {} received: draining requests and stopping", signal_number);
                server.stop();
                return;
            }
        }
    });
    server.serve();
    served = true;
    signal_waiter.join();
    workers.shutdown();  // running imports finish before the services they use go away
    execution_workers.shutdown();
    spdlog::info("pmstudio stopped");
    return 0;
}

}  // namespace pmstudio::app
