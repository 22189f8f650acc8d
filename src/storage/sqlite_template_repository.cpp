#include "storage/sqlite_template_repository.h"

namespace pmstudio::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tenant_id, name, description, category, process_name, mcl_text, "
    "auto_added_default_sort_order, originating_notebook_id, thumbnail IS NOT NULL, created_by, "
    "created_by_name, modified_by, modified_by_name, date_created, date_modified FROM templates ";

TemplateRecord read_template(const Statement& row) {
    TemplateRecord t;
    t.id = row.text(0);
    t.tenant_id = row.optional_text(1);
    t.name = row.text(2);
    t.description = row.text(3);
    t.category = row.text(4);
    t.process_name = row.optional_text(5);
    t.mcl_text = row.text(6);
    t.auto_added_default_sort_order = row.integer(7);
    t.originating_notebook_id = row.optional_text(8);
    t.has_thumbnail = row.boolean(9);
    t.created_by = row.optional_text(10);
    t.created_by_name = row.text(11);
    t.modified_by = row.optional_text(12);
    t.modified_by_name = row.text(13);
    t.date_created = row.text(14);
    t.date_modified = row.text(15);
    return t;
}

}  // namespace

void SqliteTemplateRepository::insert(const TemplateRecord& t) {
    db_.connection()
        .prepare(
            "INSERT INTO templates (id, tenant_id, name, description, category, process_name, "
            "mcl_text, auto_added_default_sort_order, originating_notebook_id, created_by, "
            "created_by_name, modified_by, modified_by_name, date_created, date_modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.tenant_id, t.name, t.description, t.category, t.process_name, t.mcl_text,
                  t.auto_added_default_sort_order, t.originating_notebook_id, t.created_by,
                  t.created_by_name, t.modified_by, t.modified_by_name, t.date_created,
                  t.date_modified)
        .execute();
}

std::optional<TemplateRecord> SqliteTemplateRepository::find(const std::string& template_id) {
    auto stmt = db_.connection().prepare(std::string(kSelect) + "WHERE id = ?");
    stmt.bind_all(template_id);
    if (!stmt.step()) return std::nullopt;
    return read_template(stmt);
}

std::vector<TemplateRecord> SqliteTemplateRepository::list(const TemplateFilter& filter) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "WHERE ((?1 AND tenant_id IS NULL) OR (?2 AND tenant_id IS NOT NULL) OR tenant_id = ?3) "
        "AND (?4 IS NULL OR category = ?4) "
        "ORDER BY tenant_id IS NOT NULL, auto_added_default_sort_order, name, id");
    stmt.bind_all(filter.include_global, filter.all_tenants, filter.tenant_id, filter.category);
    std::vector<TemplateRecord> result;
    while (stmt.step()) result.push_back(read_template(stmt));
    return result;
}

void SqliteTemplateRepository::update(const TemplateRecord& t) {
    db_.connection()
        .prepare(
            "UPDATE templates SET name = ?, description = ?, category = ?, process_name = ?, "
            "mcl_text = ?, auto_added_default_sort_order = ?, modified_by = ?, "
            "modified_by_name = ?, date_modified = ? WHERE id = ?")
        .bind_all(t.name, t.description, t.category, t.process_name, t.mcl_text,
                  t.auto_added_default_sort_order, t.modified_by, t.modified_by_name,
                  t.date_modified, t.id)
        .execute();
}

bool SqliteTemplateRepository::remove(const std::string& template_id) {
    return db_.connection()
               .prepare("DELETE FROM templates WHERE id = ?")
               .bind_all(template_id)
               .execute() > 0;
}

std::optional<TemplateRecord> SqliteTemplateRepository::find_by_name(
    const std::optional<std::string>& tenant_id, const std::string& name) {
    auto stmt = db_.connection().prepare(
        std::string(kSelect) +
        "WHERE (tenant_id IS NULL OR tenant_id = ?) AND name = ? COLLATE NOCASE LIMIT 1");
    stmt.bind_all(tenant_id, name);
    if (!stmt.step()) return std::nullopt;
    return read_template(stmt);
}

std::optional<Thumbnail> SqliteTemplateRepository::thumbnail(const std::string& template_id) {
    auto stmt = db_.connection().prepare(
        "SELECT thumbnail_mime, thumbnail FROM templates WHERE id = ? AND thumbnail IS NOT NULL");
    stmt.bind_all(template_id);
    if (!stmt.step()) return std::nullopt;
    return Thumbnail{stmt.text(0), stmt.blob(1)};
}

void SqliteTemplateRepository::put_thumbnail(const std::string& template_id,
                                             const Thumbnail& thumbnail) {
    db_.connection()
        .prepare("UPDATE templates SET thumbnail_mime = ?, thumbnail = ? WHERE id = ?")
        .bind(1, thumbnail.mime_type)
        .bind_blob(2, thumbnail.image)
        .bind(3, template_id)
        .execute();
}

}  // namespace pmstudio::storage
