#include "services/notebook_creation.h"

#include "common/guid.h"
#include "common/service_error.h"

namespace pmstudio::services {

void insert_notebook(storage::Store& store, const storage::NotebookRecord& notebook,
                     const std::string& project_id) {
    if (store.notebooks().name_taken(notebook.investigation_id, notebook.name)) {
        throw ServiceError(ErrorKind::BadRequest,
                           "Failed to create notebook. The name may already exist in this "
                           "investigation.")
            .written_as(ErrorBody::PascalCase);
    }
    store.notebooks().insert(notebook);
    storage::DashboardRecord dashboard;
    dashboard.id = new_guid();
    dashboard.project_id = project_id;
    dashboard.notebook_id = notebook.id;
    dashboard.name = notebook.id;  // mindzieStudio names a notebook's dashboard after its id
    dashboard.created_by = dashboard.modified_by = notebook.created_by;
    dashboard.date_created = dashboard.date_modified = notebook.date_created;
    store.dashboards().insert(dashboard);
}

}  // namespace pmstudio::services
