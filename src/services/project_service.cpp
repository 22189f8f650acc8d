#include "services/project_service.h"

#include <chrono>
#include <filesystem>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/project_lookup.h"
#include "services/tenant_service.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

constexpr size_t kMaxName = 255;
constexpr size_t kMaxDescription = 1000;

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

void validate(const std::optional<std::string>& name,
              const std::optional<std::string>& description) {
    std::vector<std::string> errors;
    if (!name || is_blank(*name)) {
        errors.emplace_back("Project name is required");
    } else {
        check_max_length(name, kMaxName, "Project name", errors);
    }
    check_max_length(description, kMaxDescription, "Project description", errors);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
}

}  // namespace

ProjectView ProjectService::view_of(storage::ProjectRecord project) {
    auto counts = store_.projects().counts(project.id);
    return ProjectView{std::move(project), counts};
}

ProjectPage ProjectService::list(const std::string& tenant_id, const PageRequest& page) {
    require_tenant(store_, tenant_id);
    ProjectPage result;
    result.total_count = store_.projects().count(tenant_id);
    for (auto& project : store_.projects().list(tenant_id, page.offset(), page.page_size)) {
        result.projects.push_back(view_of(std::move(project)));
    }
    return result;
}

ProjectView ProjectService::get(const std::string& tenant_id, const std::string& project_id) {
    return view_of(use_project(store_, cache_, tenant_id, project_id));
}

ProjectView ProjectService::create(const std::string& tenant_id, const CreateProjectInput& input,
                                   const Caller& caller) {
    validate(input.name, input.description);
    storage::ProjectRecord project;
    project.id = new_guid();
    project.tenant_id = tenant_id;
    project.name = *input.name;
    project.description = input.description.value_or("");
    project.created_by = caller.audit_name();
    project.modified_by = project.created_by;
    project.date_created = now_iso8601();
    project.date_modified = project.date_created;
    store_.transaction([&] {
        require_tenant(store_, tenant_id);
        store_.projects().insert(project);
    });
    return view_of(std::move(project));
}

ProjectView ProjectService::update(const std::string& tenant_id, const std::string& project_id,
                                   const UpdateProjectInput& input, const Caller& caller) {
    validate(input.name, input.description);
    storage::ProjectRecord project;
    store_.transaction([&] {
        project = use_project(store_, cache_, tenant_id, project_id);
        project.name = *input.name;
        if (input.description) project.description = *input.description;
        if (input.is_active) project.is_active = *input.is_active;
        project.modified_by = caller.audit_name();
        project.date_modified = now_iso8601();
        store_.projects().update(project);
    });
    return view_of(std::move(project));
}

void ProjectService::remove(const std::string& tenant_id, const std::string& project_id) {
    std::vector<storage::DatasetRecord> datasets;
    store_.transaction([&] {
        require_project(store_, tenant_id, project_id);
        datasets = store_.datasets().list(project_id);
        store_.projects().remove(tenant_id, project_id);
    });
    cache_.unload(tenant_id, project_id);
    datasets_.evict_project(project_id);
    for (const auto& dataset : datasets) {
        std::error_code ignored;
        std::filesystem::remove_all(tenant_storage_.dataset_directory(tenant_id, dataset.id),
                                    ignored);
    }
}

LoadedProject ProjectService::load(const std::string& tenant_id, const std::string& project_id) {
    const auto tenant = require_tenant(store_, tenant_id);
    LoadedProject loaded{view_of(require_project(store_, tenant_id, project_id)), tenant.name};
    loaded.from_cache = cache_.load(tenant_id, project_id);
    if (!loaded.from_cache) {
        const auto started = std::chrono::steady_clock::now();
        loaded.dataset_bytes_loaded =
            datasets_.load_all(tenant_id, store_.datasets().list(project_id));
        loaded.load_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    return loaded;
}

bool ProjectService::unload(const std::string& tenant_id, const std::string& project_id) {
    require_project(store_, tenant_id, project_id);
    const bool was_cached = cache_.unload(tenant_id, project_id);
    datasets_.evict_project(project_id);
    return was_cached;
}

}  // namespace pmstudio::services
