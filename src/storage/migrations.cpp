#include "storage/migrations.h"

#include <array>
#include <string_view>

#include "common/clock.h"

namespace pmstudio::storage {
namespace {

struct Migration {
    int version;
    std::string_view sql;
};

// Append new migrations; never edit one that has shipped. docs/storage.md describes the schema.
constexpr std::array kMigrations = {
    Migration{1, R"sql(
CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    max_users INTEGER NOT NULL,
    max_analysts INTEGER NOT NULL,
    max_cases INTEGER NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    is_academic INTEGER NOT NULL DEFAULT 0,
    pre_release INTEGER NOT NULL DEFAULT 0,
    autoload INTEGER NOT NULL DEFAULT 0,
    is_disabled INTEGER NOT NULL DEFAULT 0,
    date_created TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    role_name TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    is_service_account INTEGER NOT NULL DEFAULT 0,
    home_tenant_id TEXT REFERENCES tenants(id) ON DELETE SET NULL,
    last_login TEXT,
    date_created TEXT NOT NULL
);

CREATE TABLE tenant_users (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    date_assigned TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_users_by_user ON tenant_users(user_id);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    date_created TEXT NOT NULL
);
CREATE INDEX api_keys_by_tenant ON api_keys(tenant_id);

CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    is_active INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL
);
CREATE INDEX projects_by_tenant ON projects(tenant_id, date_created);

CREATE TABLE project_users (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_owner INTEGER NOT NULL DEFAULT 0,
    date_assigned TEXT NOT NULL,
    UNIQUE (project_id, user_id)
);

CREATE TABLE project_thumbnails (
    project_id TEXT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    image BLOB NOT NULL
);

-- Children of a project that later capabilities fill in; they exist now so that project counts,
-- tenant case counts and cascades are real queries from the first day.
CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    case_count INTEGER NOT NULL DEFAULT 0,
    event_count INTEGER NOT NULL DEFAULT 0,
    date_created TEXT NOT NULL
);
CREATE INDEX datasets_by_project ON datasets(project_id);

CREATE TABLE investigations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    date_created TEXT NOT NULL
);
CREATE INDEX investigations_by_project ON investigations(project_id);

CREATE TABLE notebooks (
    id TEXT PRIMARY KEY,
    investigation_id TEXT NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    date_created TEXT NOT NULL
);
CREATE INDEX notebooks_by_investigation ON notebooks(investigation_id);

CREATE TABLE dashboards (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    date_created TEXT NOT NULL
);
CREATE INDEX dashboards_by_project ON dashboards(project_id);
)sql"},
    Migration{2, R"sql(
ALTER TABLE datasets ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN case_id_column TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN activity_column TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN time_column TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN resource_column TEXT;
ALTER TABLE datasets ADD COLUMN begin_time_column TEXT;
ALTER TABLE datasets ADD COLUMN expected_order_column TEXT;
ALTER TABLE datasets ADD COLUMN use_date_only_sorting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN use_only_event_columns INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN is_original INTEGER NOT NULL DEFAULT 1;
ALTER TABLE datasets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN stored_file TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN source_format TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN culture TEXT NOT NULL DEFAULT 'en-US';
ALTER TABLE datasets ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE datasets ADD COLUMN invalid_value_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN skipped_rows_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE datasets ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN modified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN date_modified TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX datasets_unique_name ON datasets(project_id, name);

CREATE TABLE dataset_imports (
    id TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    rows_processed INTEGER NOT NULL DEFAULT 0,
    rows_total INTEGER NOT NULL DEFAULT -1,
    rows_skipped INTEGER NOT NULL DEFAULT 0,
    start_time TEXT NOT NULL,
    end_time TEXT,
    result TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX dataset_imports_by_dataset ON dataset_imports(dataset_id);
)sql"},
    Migration{3, R"sql(
-- Migration 1 created placeholder analysis tables that nothing wrote to; they are replaced by the
-- full model (docs/storage.md, "Analyses").
DROP TABLE notebooks;
DROP TABLE investigations;
DROP TABLE dashboards;

-- dataset_id has no ON DELETE action: a dataset in use cannot be deleted (checked at the end of
-- the statement, so a project or tenant cascade that removes both still succeeds).
CREATE TABLE investigations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    dataset_id TEXT NOT NULL REFERENCES datasets(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    investigation_order REAL NOT NULL,
    is_used_for_operation_center INTEGER NOT NULL DEFAULT 0,
    folder_id TEXT,
    created_by TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL
);
CREATE INDEX investigations_by_project ON investigations(project_id, investigation_order);
CREATE INDEX investigations_by_dataset ON investigations(dataset_id);

CREATE TABLE notebooks (
    id TEXT PRIMARY KEY,
    investigation_id TEXT NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    notebook_type INTEGER NOT NULL DEFAULT 0,
    notebook_order REAL NOT NULL,
    is_main INTEGER NOT NULL DEFAULT 0,
    last_execution_duration REAL NOT NULL DEFAULT 0,
    settings TEXT NOT NULL DEFAULT '[]',
    created_by TEXT NOT NULL,
    modified_by TEXT,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL,
    UNIQUE (investigation_id, name)
);

-- A notebook's blocks: the chain (is_dashboard_block 0; position 0..n-1, each block's parent the
-- one before it) and the dashboard selector blocks (is_dashboard_block 1; parent = the calculator
-- they show). mcl_extra keeps MCL fields pmstudio does not use (AutoTitle, DisplaySettings, ...).
CREATE TABLE blocks (
    id TEXT PRIMARY KEY,
    notebook_id TEXT NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
    block_type TEXT NOT NULL,
    operator_name TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    parent_id TEXT,
    position INTEGER NOT NULL,
    is_dashboard_block INTEGER NOT NULL DEFAULT 0,
    configuration TEXT NOT NULL DEFAULT '{}',
    is_disabled INTEGER NOT NULL DEFAULT 0,
    mcl_extra TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL,
    last_execution_date TEXT,
    last_execution_status TEXT,
    execution_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX blocks_by_notebook ON blocks(notebook_id, is_dashboard_block, position);

-- Dashboards of a project; a notebook's own dashboard has notebook_id set (one per notebook).
CREATE TABLE dashboards (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    notebook_id TEXT UNIQUE REFERENCES notebooks(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    dashboard_order REAL NOT NULL DEFAULT 0,
    mcl_extra TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL
);
CREATE INDEX dashboards_by_project ON dashboards(project_id);

CREATE TABLE dashboard_panels (
    id TEXT PRIMARY KEY,
    dashboard_id TEXT NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    panel_type TEXT NOT NULL,
    row_index INTEGER NOT NULL DEFAULT 0,
    column_index INTEGER NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 6,
    height INTEGER NOT NULL DEFAULT 3,
    block_id TEXT REFERENCES blocks(id) ON DELETE SET NULL,
    extra_options TEXT NOT NULL DEFAULT '{}',
    date_created TEXT NOT NULL
);
CREATE INDEX dashboard_panels_by_dashboard ON dashboard_panels(dashboard_id);

-- Notebook templates: global (tenant_id NULL) or of one tenant. mcl_text is an MCL document.
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    process_name TEXT,
    mcl_text TEXT NOT NULL,
    auto_added_default_sort_order INTEGER NOT NULL DEFAULT 0,
    originating_notebook_id TEXT,
    thumbnail_mime TEXT,
    thumbnail BLOB,
    created_by TEXT,
    created_by_name TEXT NOT NULL,
    modified_by TEXT,
    modified_by_name TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_modified TEXT NOT NULL
);
CREATE UNIQUE INDEX templates_unique_name ON templates(COALESCE(tenant_id, ''), name COLLATE NOCASE);
)sql"},
    Migration{4, R"sql(
-- Executions of a notebook (block_id NULL) or of one block with the chain above it.
CREATE TABLE executions (
    id TEXT PRIMARY KEY,
    notebook_id TEXT NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
    block_id TEXT REFERENCES blocks(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    parameters TEXT NOT NULL DEFAULT '{}',
    error_message TEXT,
    blocks_total INTEGER NOT NULL DEFAULT 0,
    blocks_done INTEGER NOT NULL DEFAULT 0,
    date_queued TEXT NOT NULL,
    date_started TEXT,
    date_ended TEXT
);
CREATE INDEX executions_by_notebook ON executions(notebook_id, date_queued);

-- The result of one block in one execution: the result envelope of docs/operators.md as JSON.
CREATE TABLE block_results (
    execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    status TEXT NOT NULL,
    error_message TEXT,
    date_started TEXT NOT NULL,
    date_ended TEXT NOT NULL,
    envelope TEXT NOT NULL,
    PRIMARY KEY (execution_id, block_id)
);
CREATE INDEX block_results_by_block ON block_results(block_id, date_ended);
)sql"},
    Migration{5, R"sql(
-- Browser sign-ins: a session opened with an API key; ends with the key, its expiry or sign-out.
CREATE TABLE web_sessions (
    id_hash TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    date_created TEXT NOT NULL,
    date_expires TEXT NOT NULL
);
CREATE INDEX web_sessions_by_key ON web_sessions(key_id);

-- Tokens that let an embedded page show one dashboard; revocable before they expire.
CREATE TABLE embed_tokens (
    id TEXT PRIMARY KEY,
    dashboard_id TEXT NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_expires TEXT NOT NULL,
    date_revoked TEXT
);
CREATE INDEX embed_tokens_by_dashboard ON embed_tokens(dashboard_id, date_created);

-- Secrets the server makes once and keeps (the embed-token signing key).
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql"},
    Migration{6, R"sql(
-- The template a notebook was made from (NULL for other notebooks, or once the template is
-- deleted); project exports carry those templates with the notebooks.
ALTER TABLE notebooks ADD COLUMN template_id TEXT REFERENCES templates(id) ON DELETE SET NULL;
)sql"},
};

}  // namespace

int apply_migrations(SqliteDatabase& database) {
    SqliteConnection& conn = database.connection();
    conn.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "applied_at TEXT NOT NULL)");
    int current = 0;
    {
        auto stmt = conn.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (stmt.step()) current = static_cast<int>(stmt.integer(0));
    }
    for (const Migration& migration : kMigrations) {
        if (migration.version <= current) continue;
        database.write_transaction([&] {
            conn.exec(std::string(migration.sql));
            conn.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)")
                .bind_all(migration.version, now_iso8601())
                .execute();
        });
        current = migration.version;
    }
    return current;
}

}  // namespace pmstudio::storage
