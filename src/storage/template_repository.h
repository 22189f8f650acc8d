#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/project_thumbnail_repository.h"

namespace pmstudio::storage {

struct TemplateRecord {
    std::string id;
    std::optional<std::string> tenant_id;  // null for a global template
    std::string name;
    std::string description;
    std::string category;  // Templates, Custom, BaseKnowledge
    std::optional<std::string> process_name;
    std::string mcl_text;
    int64_t auto_added_default_sort_order = 0;
    std::optional<std::string> originating_notebook_id;
    bool has_thumbnail = false;  // read only: computed by the queries
    std::optional<std::string> created_by;
    std::string created_by_name;
    std::optional<std::string> modified_by;
    std::string modified_by_name;
    std::string date_created;
    std::string date_modified;
};

// Which templates a listing returns.
struct TemplateFilter {
    bool include_global = true;
    std::optional<std::string> tenant_id{};  // also this tenant's templates
    bool all_tenants = false;                // every tenant's templates (global key listings)
    std::optional<std::string> category{};
};

class TemplateRepository {
public:
    virtual ~TemplateRepository() = default;

    // Throws UniqueConstraintError when the scope has a template of that name.
    virtual void insert(const TemplateRecord& record) = 0;
    virtual std::optional<TemplateRecord> find(const std::string& template_id) = 0;
    // Global templates first, then by sort order and name.
    virtual std::vector<TemplateRecord> list(const TemplateFilter& filter) = 0;
    // Throws UniqueConstraintError on a name clash.
    virtual void update(const TemplateRecord& record) = 0;
    virtual bool remove(const std::string& template_id) = 0;
    // The global template or the tenant's template of that name (ignoring case), if any.
    virtual std::optional<TemplateRecord> find_by_name(const std::optional<std::string>& tenant_id,
                                                       const std::string& name) = 0;
    virtual std::optional<Thumbnail> thumbnail(const std::string& template_id) = 0;
    virtual void put_thumbnail(const std::string& template_id, const Thumbnail& thumbnail) = 0;
};

}  // namespace pmstudio::storage
