#include "services/investigation_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/analysis_lookup.h"
#include "services/notebook_creation.h"
#include "services/project_lookup.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

void check_fields(const InvestigationInput& input, bool creating) {
    std::vector<std::string> errors;
    if ((creating || input.name) && is_blank(input.name)) {
        errors.emplace_back("investigationName is required");
    }
    if (creating && !input.dataset_id) errors.emplace_back("datasetId is required");
    check_max_length(input.name, kMaxNameLength, "investigationName", errors);
    check_max_length(input.description, kMaxDescriptionLength, "investigationDescription", errors);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
}

}  // namespace

InvestigationPage InvestigationService::list(const std::string& tenant_id,
                                             const std::string& project_id,
                                             const PageRequest& page) {
    use_project(store_, cache_, tenant_id, project_id);
    return {store_.investigations().list(project_id, page.offset(), page.page_size),
            store_.investigations().count(project_id)};
}

storage::InvestigationRecord InvestigationService::get(const std::string& tenant_id,
                                                       const std::string& project_id,
                                                       const std::string& investigation_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return require_investigation(store_, project_id, investigation_id);
}

storage::InvestigationRecord InvestigationService::create(const Caller& caller,
                                                          const std::string& tenant_id,
                                                          const std::string& project_id,
                                                          const InvestigationInput& input) {
    check_fields(input, true);
    auto_load_project(store_, cache_, tenant_id, project_id);
    storage::InvestigationRecord investigation;
    investigation.id = new_guid();
    investigation.project_id = project_id;
    investigation.dataset_id = *input.dataset_id;
    investigation.name = *input.name;
    investigation.description = input.description.value_or("");
    investigation.is_used_for_operation_center = input.is_used_for_operation_center.value_or(false);
    investigation.folder_id = input.folder_id;
    investigation.created_by = investigation.modified_by = caller.audit_name();
    investigation.date_created = investigation.date_modified = now_iso8601();

    storage::NotebookRecord main;
    main.id = new_guid();
    main.investigation_id = investigation.id;
    main.name = "Main";
    main.is_main = true;
    main.notebook_order = 1;
    main.created_by = caller.audit_name();
    main.date_created = main.date_modified = investigation.date_created;

    store_.transaction([&] {
        if (!store_.datasets().find(project_id, investigation.dataset_id)) {
            throw ServiceError(ErrorKind::BadRequest, fmt::format("Dataset not found with ID '{}'",
                                                                  investigation.dataset_id));
        }
        investigation.investigation_order =
            input.investigation_order.value_or(store_.investigations().next_order(project_id));
        store_.investigations().insert(investigation);
        insert_notebook(store_, main, project_id);
    });
    return require_investigation(store_, project_id, investigation.id);
}

storage::InvestigationRecord InvestigationService::update(const Caller& caller,
                                                          const std::string& tenant_id,
                                                          const std::string& project_id,
                                                          const std::string& investigation_id,
                                                          const InvestigationInput& input) {
    check_fields(input, false);
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto investigation = require_investigation(store_, project_id, investigation_id);
        if (input.name) investigation.name = *input.name;
        if (input.description) investigation.description = *input.description;
        if (input.is_used_for_operation_center) {
            investigation.is_used_for_operation_center = *input.is_used_for_operation_center;
        }
        if (input.investigation_order)
            investigation.investigation_order = *input.investigation_order;
        if (input.folder_id) investigation.folder_id = input.folder_id;
        investigation.modified_by = caller.audit_name();
        investigation.date_modified = modification_time_after(investigation.date_modified);
        store_.investigations().update(investigation);
    });
    return require_investigation(store_, project_id, investigation_id);
}

void InvestigationService::remove(const std::string& tenant_id, const std::string& project_id,
                                  const std::string& investigation_id) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    if (!store_.investigations().remove(project_id, investigation_id)) {
        require_investigation(store_, project_id, investigation_id);
    }
}

std::vector<storage::NotebookRecord> InvestigationService::notebooks(
    const std::string& tenant_id, const std::string& project_id,
    const std::string& investigation_id) {
    require_loaded_project(store_, cache_, tenant_id, project_id);
    require_investigation(store_, project_id, investigation_id);
    return store_.notebooks().list(investigation_id);
}

storage::NotebookRecord InvestigationService::main_notebook(const std::string& tenant_id,
                                                            const std::string& project_id,
                                                            const std::string& investigation_id) {
    require_loaded_project(store_, cache_, tenant_id, project_id);
    require_investigation(store_, project_id, investigation_id);
    auto main = store_.notebooks().find_main(investigation_id);
    if (!main) {
        throw ServiceError(ErrorKind::NotFound, "Main notebook not found for investigation")
            .with("investigationId", investigation_id);
    }
    return *main;
}

}  // namespace pmstudio::services
