#pragma once

#include "storage/sqlite_database.h"
#include "storage/template_repository.h"

namespace pmstudio::storage {

class SqliteTemplateRepository final : public TemplateRepository {
public:
    explicit SqliteTemplateRepository(SqliteDatabase& database) : db_(database) {}

    void insert(const TemplateRecord& record) override;
    std::optional<TemplateRecord> find(const std::string& template_id) override;
    std::vector<TemplateRecord> list(const TemplateFilter& filter) override;
    void update(const TemplateRecord& record) override;
    bool remove(const std::string& template_id) override;
    std::optional<TemplateRecord> find_by_name(const std::optional<std::string>& tenant_id,
                                               const std::string& name) override;
    std::optional<Thumbnail> thumbnail(const std::string& template_id) override;
    void put_thumbnail(const std::string& template_id, const Thumbnail& thumbnail) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
