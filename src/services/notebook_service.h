#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

struct NotebookInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<int64_t> notebook_type;  // 0 standard, 1 template-based, 2 base knowledge
    std::optional<double> notebook_order;
    std::optional<std::string> date_modified;  // update: optimistic lock
};

// Where a notebook lives, for its shareable URL.
struct NotebookLocation {
    storage::NotebookRecord notebook;
    std::string relative_path;  // /investigation/{tenant}/{project}/{investigation}/notebook/{id}
};

// Analysis notebooks (Notebook API). Modifications auto-load the project into the cache.
class NotebookService {
public:
    NotebookService(storage::Store& store, ProjectCache& cache) : store_(store), cache_(cache) {}

    std::vector<storage::NotebookRecord> list(const std::string& tenant_id,
                                              const std::string& project_id,
                                              const std::string& investigation_id);
    storage::NotebookRecord get(const std::string& tenant_id, const std::string& project_id,
                                const std::string& notebook_id);
    storage::NotebookRecord create(const Caller& caller, const std::string& tenant_id,
                                   const std::string& project_id,
                                   const std::string& investigation_id, const NotebookInput& input);
    // A notebook holding the template's blocks, dashboard blocks, panels and settings. The
    // template must be global or the caller's tenant's: NotFound {"Error": "Template not found"}.
    storage::NotebookRecord create_from_template(const Caller& caller, const std::string& tenant_id,
                                                 const std::string& project_id,
                                                 const std::string& investigation_id,
                                                 const std::string& template_id,
                                                 const NotebookInput& input);
    // A dateModified that differs from the stored one is a Conflict with the documented body.
    storage::NotebookRecord update(const Caller& caller, const std::string& tenant_id,
                                   const std::string& project_id, const std::string& notebook_id,
                                   const NotebookInput& input);
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& notebook_id);
    // A copy with every block under new ids, into the same or another investigation of the
    // project; the name defaults to "Copy of {name}".
    storage::NotebookRecord copy(const Caller& caller, const std::string& tenant_id,
                                 const std::string& project_id, const std::string& notebook_id,
                                 const std::optional<std::string>& name,
                                 const std::optional<std::string>& destination_investigation_id);
    NotebookLocation locate(const std::string& tenant_id, const std::string& project_id,
                            const std::string& notebook_id);

private:
    storage::NotebookRecord new_notebook(const Caller& caller, const std::string& investigation_id,
                                         const NotebookInput& input);

    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
