#include "storage/sqlite_dataset_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kColumns =
    "id, project_id, name, description, case_id_column, activity_column, time_column, "
    "resource_column, begin_time_column, expected_order_column, use_date_only_sorting, "
    "use_only_event_columns, is_original, version, stored_file, case_count, event_count, "
    "stored_bytes, "
    "source_format, culture, time_zone, invalid_value_count, skipped_rows_count, created_by, "
    "modified_by, date_created, date_modified";

DatasetRecord read_dataset(const Statement& row) {
    DatasetRecord d;
    d.id = row.text(0);
    d.project_id = row.text(1);
    d.name = row.text(2);
    d.description = row.text(3);
    d.case_id_column = row.text(4);
    d.activity_column = row.text(5);
    d.time_column = row.text(6);
    d.resource_column = row.optional_text(7);
    d.begin_time_column = row.optional_text(8);
    d.expected_order_column = row.optional_text(9);
    d.use_date_only_sorting = row.boolean(10);
    d.use_only_event_columns = row.boolean(11);
    d.is_original = row.boolean(12);
    d.version = row.integer(13);
    d.stored_file = row.text(14);
    d.case_count = row.integer(15);
    d.event_count = row.integer(16);
    d.stored_bytes = row.integer(17);
    d.source_format = row.text(18);
    d.culture = row.text(19);
    d.time_zone = row.text(20);
    d.invalid_value_count = row.integer(21);
    d.skipped_rows_count = row.integer(22);
    d.created_by = row.text(23);
    d.modified_by = row.text(24);
    d.date_created = row.text(25);
    d.date_modified = row.text(26);
    return d;
}

constexpr const char* kImportColumns =
    "id, dataset_id, status, file_name, file_size, rows_processed, rows_total, rows_skipped, "
    "start_time, end_time, result";

DatasetImportRecord read_import(const Statement& row) {
    return DatasetImportRecord{row.text(0),    row.text(1),          row.text(2),    row.text(3),
                               row.integer(4), row.integer(5),       row.integer(6), row.integer(7),
                               row.text(8),    row.optional_text(9), row.text(10)};
}

}  // namespace

void SqliteDatasetRepository::insert(const DatasetRecord& d) {
    db_.connection()
        .prepare(std::string("INSERT INTO datasets (") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?, ?)")
        .bind_all(d.id, d.project_id, d.name, d.description, d.case_id_column, d.activity_column,
                  d.time_column, d.resource_column, d.begin_time_column, d.expected_order_column,
                  d.use_date_only_sorting, d.use_only_event_columns, d.is_original, d.version,
                  d.stored_file, d.case_count, d.event_count, d.stored_bytes, d.source_format,
                  d.culture, d.time_zone, d.invalid_value_count, d.skipped_rows_count, d.created_by,
                  d.modified_by, d.date_created, d.date_modified)
        .execute();
}

std::optional<DatasetRecord> SqliteDatasetRepository::find(const std::string& project_id,
                                                           const std::string& dataset_id) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns +
                                         " FROM datasets WHERE id = ? AND project_id = ?");
    stmt.bind_all(dataset_id, project_id);
    if (!stmt.step()) return std::nullopt;
    return read_dataset(stmt);
}

std::vector<DatasetRecord> SqliteDatasetRepository::list(const std::string& project_id) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kColumns +
                                         " FROM datasets WHERE project_id = ? "
                                         "ORDER BY date_created, id");
    stmt.bind(1, project_id);
    std::vector<DatasetRecord> out;
    while (stmt.step()) out.push_back(read_dataset(stmt));
    return out;
}

void SqliteDatasetRepository::update(const DatasetRecord& d) {
    db_.connection()
        .prepare(
            "UPDATE datasets SET name = ?, description = ?, case_id_column = ?, "
            "activity_column = ?, time_column = ?, resource_column = ?, begin_time_column = ?, "
            "expected_order_column = ?, use_date_only_sorting = ?, use_only_event_columns = ?, "
            "is_original = ?, version = ?, stored_file = ?, case_count = ?, event_count = ?, "
            "stored_bytes = ?, "
            "source_format = ?, culture = ?, time_zone = ?, invalid_value_count = ?, "
            "skipped_rows_count = ?, modified_by = ?, date_modified = ? "
            "WHERE id = ? AND project_id = ?")
        .bind_all(d.name, d.description, d.case_id_column, d.activity_column, d.time_column,
                  d.resource_column, d.begin_time_column, d.expected_order_column,
                  d.use_date_only_sorting, d.use_only_event_columns, d.is_original, d.version,
                  d.stored_file, d.case_count, d.event_count, d.stored_bytes, d.source_format,
                  d.culture, d.time_zone, d.invalid_value_count, d.skipped_rows_count,
                  d.modified_by, d.date_modified, d.id, d.project_id)
        .execute();
}

bool SqliteDatasetRepository::remove(const std::string& project_id, const std::string& dataset_id) {
    return db_.connection()
               .prepare("DELETE FROM datasets WHERE id = ? AND project_id = ?")
               .bind_all(dataset_id, project_id)
               .execute() > 0;
}

std::vector<DatasetRepository::StoredFile> SqliteDatasetRepository::stored_files() {
    auto stmt = db_.connection().prepare(
        "SELECT p.tenant_id, d.id, d.stored_file FROM datasets d "
        "JOIN projects p ON p.id = d.project_id");
    std::vector<StoredFile> out;
    while (stmt.step()) out.push_back({stmt.text(0), stmt.text(1), stmt.text(2)});
    return out;
}

void SqliteDatasetRepository::insert_import(const DatasetImportRecord& i) {
    db_.connection()
        .prepare(std::string("INSERT INTO dataset_imports (") + kImportColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(i.id, i.dataset_id, i.status, i.file_name, i.file_size, i.rows_processed,
                  i.rows_total, i.rows_skipped, i.start_time, i.end_time, i.result)
        .execute();
}

std::optional<DatasetImportRecord> SqliteDatasetRepository::find_import(
    const std::string& dataset_id, const std::string& import_id) {
    auto stmt = db_.connection().prepare(std::string("SELECT ") + kImportColumns +
                                         " FROM dataset_imports WHERE id = ? AND dataset_id = ?");
    stmt.bind_all(import_id, dataset_id);
    if (!stmt.step()) return std::nullopt;
    return read_import(stmt);
}

void SqliteDatasetRepository::update_import(const DatasetImportRecord& i) {
    db_.connection()
        .prepare(
            "UPDATE dataset_imports SET status = ?, file_size = ?, rows_processed = ?, "
            "rows_total = ?, rows_skipped = ?, end_time = ?, result = ? WHERE id = ?")
        .bind_all(i.status, i.file_size, i.rows_processed, i.rows_total, i.rows_skipped, i.end_time,
                  i.result, i.id)
        .execute();
}

int SqliteDatasetRepository::fail_unfinished_imports(const std::string& end_time,
                                                     const std::string& result) {
    return db_.connection()
        .prepare(
            "UPDATE dataset_imports SET status = 'Failed', end_time = ?, result = ? "
            "WHERE status IN ('Queued', 'Processing')")
        .bind_all(end_time, result)
        .execute();
}

}  // namespace pmstudio::storage
