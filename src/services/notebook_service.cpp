#include "services/notebook_service.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "importers/import_report.h"
#include "importers/mcl_reader.h"
#include "services/analysis_lookup.h"
#include "services/notebook_content.h"
#include "services/notebook_creation.h"
#include "services/project_lookup.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

constexpr int64_t kTemplateNotebookType = 1;

void check_fields(const NotebookInput& input, bool name_required) {
    std::vector<std::string> errors;
    if ((name_required || input.name) && is_blank(input.name)) {
        errors.emplace_back("name is required");
    }
    check_max_length(input.name, kMaxNameLength, "name", errors);
    check_max_length(input.description, kMaxDescriptionLength, "description", errors);
    if (input.notebook_type && (*input.notebook_type < 0 || *input.notebook_type > 2)) {
        errors.push_back(fmt::format(
            "notebookType must be 0 (Standard), 1 (Template) or 2 (BaseKnowledge), got {}",
            *input.notebook_type));
    }
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
}

[[noreturn]] void template_not_found() {
    throw ServiceError(ErrorKind::NotFound, "Template not found").written_as(ErrorBody::PascalCase);
}

void check_not_modified_since(const storage::NotebookRecord& notebook, const std::string& given) {
    const auto theirs = parse_iso8601(given);
    if (!theirs) {
        throw ServiceError::validation(
            {fmt::format("dateModified '{}' is not an ISO 8601 date-time", given)});
    }
    const auto ours = parse_iso8601(notebook.date_modified);
    if (ours && std::chrono::floor<std::chrono::milliseconds>(*theirs) ==
                    std::chrono::floor<std::chrono::milliseconds>(*ours)) {
        return;
    }
    throw ServiceError(ErrorKind::Conflict, "CONFLICT")
        .with("Message", "Notebook was modified by another user since you last fetched it")
        .with("YourDateModified", given)
        .with("CurrentDateModified", notebook.date_modified)
        .with("ModifiedBy", notebook.modified_by.value_or(notebook.created_by))
        .with("Resolution",
              "GET /api/{tenantId}/{projectId}/notebook/{notebookId} to fetch current state, "
              "then retry")
        .written_as(ErrorBody::PascalCase);
}

}  // namespace

std::vector<storage::NotebookRecord> NotebookService::list(const std::string& tenant_id,
                                                           const std::string& project_id,
                                                           const std::string& investigation_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_investigation(store_, project_id, investigation_id, ErrorBody::PascalCase);
    return store_.notebooks().list(investigation_id);
}

storage::NotebookRecord NotebookService::get(const std::string& tenant_id,
                                             const std::string& project_id,
                                             const std::string& notebook_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return require_notebook(store_, project_id, notebook_id);
}

storage::NotebookRecord NotebookService::new_notebook(const Caller& caller,
                                                      const std::string& investigation_id,
                                                      const NotebookInput& input) {
    storage::NotebookRecord notebook;
    notebook.id = new_guid();
    notebook.investigation_id = investigation_id;
    notebook.name = input.name.value_or("");
    notebook.description = input.description.value_or("");
    notebook.notebook_type = input.notebook_type.value_or(0);
    notebook.notebook_order =
        input.notebook_order.value_or(store_.notebooks().next_order(investigation_id));
    notebook.created_by = caller.audit_name();
    notebook.date_created = notebook.date_modified = now_iso8601();
    return notebook;
}

storage::NotebookRecord NotebookService::create(const Caller& caller, const std::string& tenant_id,
                                                const std::string& project_id,
                                                const std::string& investigation_id,
                                                const NotebookInput& input) {
    check_fields(input, true);
    auto_load_project(store_, cache_, tenant_id, project_id);
    storage::NotebookRecord notebook;
    store_.transaction([&] {
        require_investigation(store_, project_id, investigation_id, ErrorBody::PascalCase);
        notebook = new_notebook(caller, investigation_id, input);
        insert_notebook(store_, notebook, project_id);
    });
    return require_notebook(store_, project_id, notebook.id);
}

storage::NotebookRecord NotebookService::create_from_template(const Caller& caller,
                                                              const std::string& tenant_id,
                                                              const std::string& project_id,
                                                              const std::string& investigation_id,
                                                              const std::string& template_id,
                                                              const NotebookInput& input) {
    check_fields(input, false);
    auto_load_project(store_, cache_, tenant_id, project_id);
    const auto found = store_.templates().find(template_id);
    if (!found || (found->tenant_id && *found->tenant_id != tenant_id)) template_not_found();
    importers::McDocument document;
    try {
        document = importers::read_mcl(found->mcl_text);
    } catch (const importers::ImportError& error) {
        throw ServiceError(ErrorKind::BadRequest, fmt::format("Template '{}' cannot be used: {}",
                                                              found->name, error.what()))
            .written_as(ErrorBody::PascalCase);
    }
    NotebookInput named = input;
    named.name = input.name.value_or(found->name);
    named.description = input.description.value_or(found->description);
    named.notebook_type = kTemplateNotebookType;
    auto content = content_from_mcl(document);
    storage::NotebookRecord notebook;
    store_.transaction([&] {
        require_investigation(store_, project_id, investigation_id, ErrorBody::PascalCase);
        notebook = new_notebook(caller, investigation_id, named);
        notebook.settings = content.settings;
        notebook.template_id = found->id;
        insert_notebook(store_, notebook, project_id);
        add_notebook_content(store_, notebook, std::move(content), caller.audit_name());
    });
    return require_notebook(store_, project_id, notebook.id);
}

storage::NotebookRecord NotebookService::update(const Caller& caller, const std::string& tenant_id,
                                                const std::string& project_id,
                                                const std::string& notebook_id,
                                                const NotebookInput& input) {
    check_fields(input, true);
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto notebook = require_notebook(store_, project_id, notebook_id);
        if (input.date_modified) check_not_modified_since(notebook, *input.date_modified);
        if (*input.name != notebook.name &&
            store_.notebooks().name_taken(notebook.investigation_id, *input.name)) {
            throw ServiceError(ErrorKind::BadRequest,
                               "Failed to update notebook. The name may already exist in this "
                               "investigation.")
                .written_as(ErrorBody::PascalCase);
        }
        notebook.name = *input.name;
        if (input.description) notebook.description = *input.description;
        if (input.notebook_order) notebook.notebook_order = *input.notebook_order;
        if (input.notebook_type) notebook.notebook_type = *input.notebook_type;
        notebook.modified_by = caller.audit_name();
        notebook.date_modified = modification_time_after(notebook.date_modified);
        store_.notebooks().update(notebook);
    });
    return require_notebook(store_, project_id, notebook_id);
}

void NotebookService::remove(const std::string& tenant_id, const std::string& project_id,
                             const std::string& notebook_id) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        require_notebook(store_, project_id, notebook_id);
        store_.notebooks().remove(notebook_id);
    });
}

storage::NotebookRecord NotebookService::copy(
    const Caller& caller, const std::string& tenant_id, const std::string& project_id,
    const std::string& notebook_id, const std::optional<std::string>& name,
    const std::optional<std::string>& destination_investigation_id) {
    NotebookInput input;
    input.name = name;
    check_fields(input, false);
    auto_load_project(store_, cache_, tenant_id, project_id);
    storage::NotebookRecord copy;
    store_.transaction([&] {
        const auto source = require_notebook(store_, project_id, notebook_id);
        const auto destination = destination_investigation_id.value_or(source.investigation_id);
        require_investigation(store_, project_id, destination, ErrorBody::PascalCase);
        input.name = name.value_or("Copy of " + source.name);
        input.description = source.description;
        input.notebook_type = source.notebook_type;
        copy = new_notebook(caller, destination, input);
        copy.settings = source.settings;
        copy.template_id = source.template_id;
        insert_notebook(store_, copy, project_id);
        add_notebook_content(store_, copy, load_notebook_content(store_, source),
                             caller.audit_name());
    });
    return require_notebook(store_, project_id, copy.id);
}

NotebookLocation NotebookService::locate(const std::string& tenant_id,
                                         const std::string& project_id,
                                         const std::string& notebook_id) {
    use_project(store_, cache_, tenant_id, project_id);
    auto notebook = require_notebook(store_, project_id, notebook_id);
    auto path = fmt::format("/investigation/{}/{}/{}/notebook/{}", tenant_id, project_id,
                            notebook.investigation_id, notebook.id);
    return {std::move(notebook), std::move(path)};
}

}  // namespace pmstudio::services
