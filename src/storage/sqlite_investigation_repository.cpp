#include "storage/sqlite_investigation_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelect =
    "SELECT i.id, i.project_id, i.dataset_id, i.name, i.description, i.investigation_order, "
    "i.is_used_for_operation_center, i.folder_id, i.created_by, i.modified_by, i.date_created, "
    "i.date_modified, (SELECT COUNT(*) FROM notebooks n WHERE n.investigation_id = i.id) "
    "FROM investigations i ";

InvestigationRecord read_investigation(const Statement& row) {
    InvestigationRecord i;
    i.id = row.text(0);
    i.project_id = row.text(1);
    i.dataset_id = row.text(2);
    i.name = row.text(3);
    i.description = row.text(4);
    i.investigation_order = row.real(5);
    i.is_used_for_operation_center = row.boolean(6);
    i.folder_id = row.optional_text(7);
    i.created_by = row.text(8);
    i.modified_by = row.text(9);
    i.date_created = row.text(10);
    i.date_modified = row.text(11);
    i.notebook_count = row.integer(12);
    return i;
}

}  // namespace

void SqliteInvestigationRepository::insert(const InvestigationRecord& i) {
    db_.connection()
        .prepare(
            "INSERT INTO investigations (id, project_id, dataset_id, name, description, "
            "investigation_order, is_used_for_operation_center, folder_id, created_by, "
            "modified_by, date_created, date_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(i.id, i.project_id, i.dataset_id, i.name, i.description, i.investigation_order,
                  i.is_used_for_operation_center, i.folder_id, i.created_by, i.modified_by,
                  i.date_created, i.date_modified)
        .execute();
}

std::optional<InvestigationRecord> SqliteInvestigationRepository::find(
    const std::string& project_id, const std::string& investigation_id) {
    auto stmt =
        db_.connection().prepare(std::string(kSelect) + "WHERE i.id = ? AND i.project_id = ?");
    stmt.bind_all(investigation_id, project_id);
    if (!stmt.step()) return std::nullopt;
    return read_investigation(stmt);
}

std::vector<InvestigationRecord> SqliteInvestigationRepository::list(const std::string& project_id,
                                                                     int64_t offset,
                                                                     int64_t limit) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "WHERE i.project_id = ? ORDER BY i.investigation_order, i.date_created, i.id "
        "LIMIT ? OFFSET ?");
    stmt.bind_all(project_id, limit, offset);
    std::vector<InvestigationRecord> result;
    while (stmt.step()) result.push_back(read_investigation(stmt));
    return result;
}

int64_t SqliteInvestigationRepository::count(const std::string& project_id) {
    auto stmt =
        db_.connection().prepare("SELECT COUNT(*) FROM investigations WHERE project_id = ?");
    stmt.bind_all(project_id);
    stmt.step();
    return stmt.integer(0);
}

void SqliteInvestigationRepository::update(const InvestigationRecord& i) {
    db_.connection()
        .prepare(
            "UPDATE investigations SET name = ?, description = ?, investigation_order = ?, "
            "is_used_for_operation_center = ?, folder_id = ?, modified_by = ?, date_modified = ? "
            "WHERE id = ?")
        .bind_all(i.name, i.description, i.investigation_order, i.is_used_for_operation_center,
                  i.folder_id, i.modified_by, i.date_modified, i.id)
        .execute();
}

bool SqliteInvestigationRepository::remove(const std::string& project_id,
                                           const std::string& investigation_id) {
    return db_.connection()
               .prepare("DELETE FROM investigations WHERE id = ? AND project_id = ?")
               .bind_all(investigation_id, project_id)
               .execute() > 0;
}

double SqliteInvestigationRepository::next_order(const std::string& project_id) {
    auto stmt = db_.connection().prepare(
        "SELECT COALESCE(MAX(investigation_order), 0) + 1 FROM investigations WHERE project_id = "
        "?");
    stmt.bind_all(project_id);
    stmt.step();
    return stmt.real(0);
}

int64_t SqliteInvestigationRepository::count_using_dataset(const std::string& dataset_id) {
    auto stmt =
        db_.connection().prepare("SELECT COUNT(*) FROM investigations WHERE dataset_id = ?");
    stmt.bind_all(dataset_id);
    stmt.step();
    return stmt.integer(0);
}

}  // namespace pmstudio::storage
