#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/storage_errors.h"

namespace pmstudio::storage {

class SqliteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement borrowed from a connection's cache; reset and unbound when it goes out of
// scope so the next user starts clean.
class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);

    // Binds each argument to positions 1..N.
    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances to the next row; false when done.
    bool step();
    // Runs a statement that returns no rows; returns the number of rows changed.
    int execute();

    bool is_null(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    int64_t integer(int column) const;
    bool boolean(int column) const { return integer(column) != 0; }
    double real(int column) const;
    std::string blob(int column) const;

private:
    sqlite3_stmt* stmt_;
    sqlite3* db() const { return sqlite3_db_handle(stmt_); }
};

// One SQLite connection with a cache of prepared statements.
class SqliteConnection {
public:
    explicit SqliteConnection(const std::filesystem::path& file);
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    ~SqliteConnection();

    Statement prepare(const std::string& sql);
    void exec(const std::string& sql);
    bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// A database file shared by all threads: each thread gets its own connection (WAL mode, foreign
// keys on, busy timeout), created on first use.
class SqliteDatabase {
public:
    explicit SqliteDatabase(std::filesystem::path file);

    SqliteConnection& connection();

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT on this thread's connection, rolling back if it
    // throws. Nested calls join the outer transaction.
    void write_transaction(const std::function<void()>& work);

    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    uint64_t instance_id_;
};

}  // namespace pmstudio::storage
