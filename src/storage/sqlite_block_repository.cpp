#include "storage/sqlite_block_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelect =
    "SELECT b.id, b.notebook_id, b.block_type, b.operator_name, b.name, b.description, "
    "b.parent_id, b.position, b.is_dashboard_block, b.configuration, b.is_disabled, b.mcl_extra, "
    "b.created_by, b.modified_by, b.date_created, b.date_modified, b.last_execution_date, "
    "b.last_execution_status, b.execution_count FROM blocks b ";

BlockRecord read_block(const Statement& row) {
    BlockRecord b;
    b.id = row.text(0);
    b.notebook_id = row.text(1);
    b.block_type = row.text(2);
    b.operator_name = row.text(3);
    b.name = row.text(4);
    b.description = row.text(5);
    b.parent_id = row.optional_text(6);
    b.position = row.integer(7);
    b.is_dashboard_block = row.boolean(8);
    b.configuration = row.text(9);
    b.is_disabled = row.boolean(10);
    b.mcl_extra = row.text(11);
    b.created_by = row.text(12);
    b.modified_by = row.text(13);
    b.date_created = row.text(14);
    b.date_modified = row.text(15);
    b.last_execution_date = row.optional_text(16);
    b.last_execution_status = row.optional_text(17);
    b.execution_count = row.integer(18);
    return b;
}

}  // namespace

void SqliteBlockRepository::insert(const BlockRecord& b) {
    db_.connection()
        .prepare(
            "INSERT INTO blocks (id, notebook_id, block_type, operator_name, name, description, "
            "parent_id, position, is_dashboard_block, configuration, is_disabled, mcl_extra, "
            "created_by, modified_by, date_created, date_modified, last_execution_date, "
            "last_execution_status, execution_count) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(b.id, b.notebook_id, b.block_type, b.operator_name, b.name, b.description,
                  b.parent_id, b.position, b.is_dashboard_block, b.configuration, b.is_disabled,
                  b.mcl_extra, b.created_by, b.modified_by, b.date_created, b.date_modified,
                  b.last_execution_date, b.last_execution_status, b.execution_count)
        .execute();
}

std::optional<BlockRecord> SqliteBlockRepository::find(const std::string& project_id,
                                                       const std::string& block_id) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "JOIN notebooks n ON n.id = b.notebook_id JOIN investigations i ON i.id = "
        "n.investigation_id WHERE b.id = ? AND i.project_id = ?");
    stmt.bind_all(block_id, project_id);
    if (!stmt.step()) return std::nullopt;
    return read_block(stmt);
}

std::vector<BlockRecord> SqliteBlockRepository::list(const std::string& notebook_id,
                                                     bool dashboard_blocks) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "WHERE b.notebook_id = ? AND b.is_dashboard_block = ? ORDER BY b.position, b.id");
    stmt.bind_all(notebook_id, dashboard_blocks);
    std::vector<BlockRecord> result;
    while (stmt.step()) result.push_back(read_block(stmt));
    return result;
}

void SqliteBlockRepository::update(const BlockRecord& b) {
    db_.connection()
        .prepare(
            "UPDATE blocks SET block_type = ?, operator_name = ?, name = ?, description = ?, "
            "configuration = ?, is_disabled = ?, mcl_extra = ?, modified_by = ?, date_modified = "
            "?, "
            "last_execution_date = ?, last_execution_status = ?, execution_count = ? WHERE id = ?")
        .bind_all(b.block_type, b.operator_name, b.name, b.description, b.configuration,
                  b.is_disabled, b.mcl_extra, b.modified_by, b.date_modified, b.last_execution_date,
                  b.last_execution_status, b.execution_count, b.id)
        .execute();
}

void SqliteBlockRepository::save_links(const std::vector<BlockLink>& links) {
    auto& connection = db_.connection();
    for (const auto& link : links) {
        connection.prepare("UPDATE blocks SET parent_id = ?, position = ? WHERE id = ?")
            .bind_all(link.parent_id, link.position, link.block_id)
            .execute();
    }
}

bool SqliteBlockRepository::remove(const std::string& block_id) {
    return db_.connection()
               .prepare("DELETE FROM blocks WHERE id = ?")
               .bind_all(block_id)
               .execute() > 0;
}

void SqliteBlockRepository::record_execution(const std::string& block_id, const std::string& date,
                                             const std::string& status) {
    db_.connection()
        .prepare(
            "UPDATE blocks SET last_execution_date = ?, last_execution_status = ?, "
            "execution_count = execution_count + 1 WHERE id = ?")
        .bind_all(date, status, block_id)
        .execute();
}

}  // namespace pmstudio::storage
