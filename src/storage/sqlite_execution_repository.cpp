#include "storage/sqlite_execution_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelectExecution =
    "SELECT id, notebook_id, block_id, status, parameters, error_message, blocks_total, "
    "blocks_done, date_queued, date_started, date_ended FROM executions ";

ExecutionRecord read_execution(const Statement& row) {
    return ExecutionRecord{row.text(0), row.text(1),          row.optional_text(2), row.text(3),
                           row.text(4), row.optional_text(5), row.integer(6),       row.integer(7),
                           row.text(8), row.optional_text(9), row.optional_text(10)};
}

// `envelope_column` is "envelope" or "''" (history listings leave the envelopes out).
std::string select_results(const char* envelope_column) {
    return std::string(
               "SELECT execution_id, block_id, position, status, error_message, date_started, "
               "date_ended, ") +
           envelope_column + " FROM block_results ";
}

BlockResultRecord read_result(const Statement& row) {
    return BlockResultRecord{row.text(0),          row.text(1), row.integer(2), row.text(3),
                             row.optional_text(4), row.text(5), row.text(6),    row.text(7)};
}

std::vector<BlockResultRecord> read_results(Statement& stmt) {
    std::vector<BlockResultRecord> results;
    while (stmt.step()) results.push_back(read_result(stmt));
    return results;
}

}  // namespace

void SqliteExecutionRepository::insert(const ExecutionRecord& e) {
    db_.connection()
        .prepare(
            "INSERT INTO executions (id, notebook_id, block_id, status, parameters, error_message, "
            "blocks_total, blocks_done, date_queued, date_started, date_ended) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(e.id, e.notebook_id, e.block_id, e.status, e.parameters, e.error_message,
                  e.blocks_total, e.blocks_done, e.date_queued, e.date_started, e.date_ended)
        .execute();
}

void SqliteExecutionRepository::update(const ExecutionRecord& e) {
    db_.connection()
        .prepare(
            "UPDATE executions SET status = ?, error_message = ?, blocks_total = ?, "
            "blocks_done = ?, date_started = ?, date_ended = ? WHERE id = ?")
        .bind_all(e.status, e.error_message, e.blocks_total, e.blocks_done, e.date_started,
                  e.date_ended, e.id)
        .execute();
}

std::optional<ExecutionRecord> SqliteExecutionRepository::find(const std::string& execution_id) {
    auto stmt = db_.connection().prepare(std::string(kSelectExecution) + "WHERE id = ?");
    stmt.bind_all(execution_id);
    if (!stmt.step()) return std::nullopt;
    return read_execution(stmt);
}

std::optional<ExecutionRecord> SqliteExecutionRepository::latest(const std::string& notebook_id,
                                                                 bool notebook_runs_only) {
    auto stmt = db_.connection().prepare(std::string(kSelectExecution) +
                                         "WHERE notebook_id = ? AND (? = 0 OR block_id IS NULL) "
                                         "ORDER BY date_queued DESC, rowid DESC LIMIT 1");
    stmt.bind_all(notebook_id, notebook_runs_only);
    if (!stmt.step()) return std::nullopt;
    return read_execution(stmt);
}

void SqliteExecutionRepository::insert_result(const BlockResultRecord& r) {
    db_.connection()
        .prepare(
            "INSERT OR REPLACE INTO block_results (execution_id, block_id, position, status, "
            "error_message, date_started, date_ended, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(r.execution_id, r.block_id, r.position, r.status, r.error_message, r.date_started,
                  r.date_ended, r.envelope)
        .execute();
}

std::vector<BlockResultRecord> SqliteExecutionRepository::results(const std::string& execution_id) {
    auto stmt = db_.connection().prepare(select_results("envelope") +
                                         "WHERE execution_id = ? ORDER BY position");
    stmt.bind_all(execution_id);
    return read_results(stmt);
}

std::vector<BlockResultRecord> SqliteExecutionRepository::history(const std::string& block_id) {
    auto stmt = db_.connection().prepare(select_results("''") +
                                         "WHERE block_id = ? ORDER BY date_ended DESC, rowid DESC");
    stmt.bind_all(block_id);
    return read_results(stmt);
}

std::optional<BlockResultRecord> SqliteExecutionRepository::latest_result(
    const std::string& block_id) {
    auto stmt =
        db_.connection().prepare(select_results("envelope") +
                                 "WHERE block_id = ? ORDER BY date_ended DESC, rowid DESC LIMIT 1");
    stmt.bind_all(block_id);
    if (!stmt.step()) return std::nullopt;
    return read_result(stmt);
}

int SqliteExecutionRepository::fail_unfinished(const std::string& date_ended,
                                               const std::string& message) {
    return db_.connection()
        .prepare(
            "UPDATE executions SET status = 'Cancelled', error_message = ?, date_ended = ? "
            "WHERE status IN ('Queued', 'Running')")
        .bind_all(message, date_ended)
        .execute();
}

int SqliteExecutionRepository::prune(const std::string& notebook_id, int keep) {
    return db_.connection()
        .prepare(
            "DELETE FROM executions WHERE notebook_id = ?1 AND date_ended IS NOT NULL AND id NOT "
            "IN "
            "(SELECT id FROM executions WHERE notebook_id = ?1 AND date_ended IS NOT NULL "
            "ORDER BY date_queued DESC, rowid DESC LIMIT ?2)")
        .bind_all(notebook_id, keep)
        .execute();
}

}  // namespace pmstudio::storage
