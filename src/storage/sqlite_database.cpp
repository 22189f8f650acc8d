#include "storage/sqlite_database.h"

#include <fmt/format.h>

#include <atomic>

namespace pmstudio::storage {
namespace {

constexpr int kBusyTimeoutMs = 10000;

[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view context) {
    const std::string message = fmt::format("{}: {}", context, sqlite3_errmsg(db));
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw UniqueConstraintError(message);
    }
    throw SqliteError(message);
}

std::atomic<uint64_t> next_instance_id{1};

}  // namespace

Statement::~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_error(db(), sqlite3_extended_errcode(db()), sqlite3_sql(stmt_));
}

int Statement::execute() {
    while (step()) {
    }
    return sqlite3_changes(db());
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(stmt_, column);
    if (data == nullptr) return {};
    return {reinterpret_cast<const char*>(data),
            static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    if (data == nullptr) return {};
    return {static_cast<const char*>(data),
            static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

SqliteConnection::SqliteConnection(const std::filesystem::path& file) {
    const int rc =
        sqlite3_open_v2(file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message =
            fmt::format("cannot open database {}: {}", file.string(), sqlite3_errstr(rc));
        sqlite3_close(db_);
        throw SqliteError(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
}

Statement SqliteConnection::prepare(const std::string& sql) {
    auto found = statements_.find(sql);
    if (found != statements_.end()) return Statement(found->second);
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw_error(db_, rc, fmt::format("prepare '{}'", sql));
    statements_.emplace(sql, stmt);
    return Statement(stmt);
}

void SqliteConnection::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message =
            fmt::format("'{}': {}", sql, error ? error : sqlite3_errstr(rc));
        sqlite3_free(error);
        if (rc == SQLITE_CONSTRAINT) throw UniqueConstraintError(message);
        throw SqliteError(message);
    }
}

SqliteDatabase::SqliteDatabase(std::filesystem::path file)
    : file_(std::move(file)), instance_id_(next_instance_id.fetch_add(1)) {}

SqliteConnection& SqliteDatabase::connection() {
    thread_local std::unordered_map<uint64_t, std::unique_ptr<SqliteConnection>> connections;
    auto& slot = connections[instance_id_];
    if (!slot) slot = std::make_unique<SqliteConnection>(file_);
    return *slot;
}

void SqliteDatabase::write_transaction(const std::function<void()>& work) {
    SqliteConnection& conn = connection();
    if (conn.in_transaction()) {
        work();
        return;
    }
    conn.exec("BEGIN IMMEDIATE");
    try {
        work();
        conn.exec("COMMIT");
    } catch (...) {
        if (conn.in_transaction()) conn.exec("ROLLBACK");
        throw;
    }
}

}  // namespace pmstudio::storage
