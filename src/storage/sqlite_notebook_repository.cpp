#include "storage/sqlite_notebook_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelect =
    "SELECT n.id, n.investigation_id, n.name, n.description, n.notebook_type, n.notebook_order, "
    "n.is_main, n.last_execution_duration, n.settings, n.created_by, n.modified_by, "
    "n.date_created, n.date_modified, (SELECT COUNT(*) FROM blocks b WHERE b.notebook_id = n.id), "
    "n.template_id FROM notebooks n ";

NotebookRecord read_notebook(const Statement& row) {
    NotebookRecord n;
    n.id = row.text(0);
    n.investigation_id = row.text(1);
    n.name = row.text(2);
    n.description = row.text(3);
    n.notebook_type = row.integer(4);
    n.notebook_order = row.real(5);
    n.is_main = row.boolean(6);
    n.last_execution_duration = row.real(7);
    n.settings = row.text(8);
    n.created_by = row.text(9);
    n.modified_by = row.optional_text(10);
    n.date_created = row.text(11);
    n.date_modified = row.text(12);
    n.block_count = row.integer(13);
    n.template_id = row.optional_text(14);
    return n;
}

std::vector<NotebookRecord> read_all(Statement& stmt) {
    std::vector<NotebookRecord> result;
    while (stmt.step()) result.push_back(read_notebook(stmt));
    return result;
}

}  // namespace

void SqliteNotebookRepository::insert(const NotebookRecord& n) {
    db_.connection()
        .prepare(
            "INSERT INTO notebooks (id, investigation_id, name, description, notebook_type, "
            "notebook_order, is_main, last_execution_duration, settings, created_by, modified_by, "
            "date_created, date_modified, template_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)")
        .bind_all(n.id, n.investigation_id, n.name, n.description, n.notebook_type,
                  n.notebook_order, n.is_main, n.last_execution_duration, n.settings, n.created_by,
                  n.modified_by, n.date_created, n.date_modified, n.template_id)
        .execute();
}

std::optional<NotebookRecord> SqliteNotebookRepository::find(const std::string& project_id,
                                                             const std::string& notebook_id) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "JOIN investigations i ON i.id = n.investigation_id WHERE n.id = ? AND i.project_id = ?");
    stmt.bind_all(notebook_id, project_id);
    if (!stmt.step()) return std::nullopt;
    return read_notebook(stmt);
}

std::vector<NotebookRecord> SqliteNotebookRepository::list(const std::string& investigation_id) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "WHERE n.investigation_id = ? ORDER BY n.notebook_order, n.date_created, n.id");
    stmt.bind_all(investigation_id);
    return read_all(stmt);
}

std::optional<NotebookRecord> SqliteNotebookRepository::find_main(
    const std::string& investigation_id) {
    auto stmt = db_.connection().prepare(std::string(kSelect) +
                                         "WHERE n.investigation_id = ? AND n.is_main = 1");
    stmt.bind_all(investigation_id);
    if (!stmt.step()) return std::nullopt;
    return read_notebook(stmt);
}

void SqliteNotebookRepository::update(const NotebookRecord& n) {
    db_.connection()
        .prepare(
            "UPDATE notebooks SET name = ?, description = ?, notebook_type = ?, notebook_order = "
            "?, "
            "last_execution_duration = ?, settings = ?, modified_by = ?, date_modified = ? "
            "WHERE id = ?")
        .bind_all(n.name, n.description, n.notebook_type, n.notebook_order,
                  n.last_execution_duration, n.settings, n.modified_by, n.date_modified, n.id)
        .execute();
}

bool SqliteNotebookRepository::remove(const std::string& notebook_id) {
    return db_.connection()
               .prepare("DELETE FROM notebooks WHERE id = ?")
               .bind_all(notebook_id)
               .execute() > 0;
}

double SqliteNotebookRepository::next_order(const std::string& investigation_id) {
    auto stmt = db_.connection().prepare(
        "SELECT COALESCE(MAX(notebook_order), 0) + 1 FROM notebooks WHERE investigation_id = ?");
    stmt.bind_all(investigation_id);
    stmt.step();
    return stmt.real(0);
}

bool SqliteNotebookRepository::name_taken(const std::string& investigation_id,
                                          const std::string& name) {
    auto stmt =
        db_.connection().prepare("SELECT 1 FROM notebooks WHERE investigation_id = ? AND name = ?");
    stmt.bind_all(investigation_id, name);
    return stmt.step();
}

void SqliteNotebookRepository::record_execution_duration(const std::string& notebook_id,
                                                         double seconds) {
    db_.connection()
        .prepare("UPDATE notebooks SET last_execution_duration = ? WHERE id = ?")
        .bind_all(seconds, notebook_id)
        .execute();
}

}  // namespace pmstudio::storage
