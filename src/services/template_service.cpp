#include "services/template_service.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "common/text.h"
#include "services/template_mcl.h"
#include "services/tenant_service.h"
#include "services/thumbnail_image.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

constexpr std::array<const char*, 3> kCategories = {"Templates", "Custom", "BaseKnowledge"};
constexpr const char* kDefaultCategory = "Custom";
constexpr const char* kApiAuthor = "API";
constexpr const char* kSystemAuthor = "System";
constexpr int64_t kBundledSortStep = 100;

std::optional<std::string> canonical_category(const std::string& category) {
    for (const char* known : kCategories) {
        if (iequals(category, known)) return std::string(known);
    }
    return std::nullopt;
}

std::string unknown_category(const std::string& category) {
    return fmt::format("Unknown category '{}': use Templates, Custom or BaseKnowledge", category);
}

// Checks the fields of a create (every required field) or an update (only those given).
void check_input(const TemplateInput& input, bool creating, std::vector<std::string>& errors) {
    if ((creating || input.name) && is_blank(input.name)) errors.emplace_back("Name is required");
    if ((creating || input.mcl_text) && is_blank(input.mcl_text)) {
        errors.emplace_back("MclText is required");
    }
    check_max_length(input.name, kMaxNameLength, "Name", errors);
    check_max_length(input.description, kMaxDescriptionLength, "Description", errors);
    if (input.category && !canonical_category(*input.category)) {
        errors.push_back(unknown_category(*input.category));
    }
    if (input.is_global.value_or(false)) {
        errors.emplace_back(
            "IsGlobal must be false: global templates cannot be created through "
            "the API");
    }
    if (errors.empty() && input.mcl_text) {
        importers::McDocument document;
        auto problems = template_mcl_errors(*input.mcl_text, document);
        errors.insert(errors.end(), problems.begin(), problems.end());
    }
}

[[noreturn]] void template_not_found() {
    throw ServiceError(ErrorKind::NotFound, "Template not found");
}

}  // namespace

std::vector<storage::TemplateRecord> TemplateService::list_global() {
    return store_.templates().list({});
}

std::vector<storage::TemplateRecord> TemplateService::list_for_tenant(
    const std::string& tenant_id) {
    require_tenant(store_, tenant_id);
    return store_.templates().list({.tenant_id = tenant_id});
}

std::vector<storage::TemplateRecord> TemplateService::list_by_category(
    const std::string& category, const std::optional<std::string>& tenant_id) {
    const auto canonical = canonical_category(category);
    if (!canonical) throw ServiceError::validation({unknown_category(category)});
    if (tenant_id) require_tenant(store_, *tenant_id);
    return store_.templates().list(
        {.tenant_id = tenant_id, .all_tenants = !tenant_id, .category = canonical});
}

storage::TemplateRecord TemplateService::get(const std::string& template_id) {
    auto found = store_.templates().find(template_id);
    if (!found) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Template with ID '{}' not found", template_id));
    }
    return *found;
}

storage::Thumbnail TemplateService::thumbnail(const std::string& template_id) {
    get(template_id);
    auto image = store_.templates().thumbnail(template_id);
    if (!image) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Thumbnail not found for template '{}'", template_id));
    }
    return *image;
}

void TemplateService::check_unique_name(const std::optional<std::string>& tenant_id,
                                        const std::string& name, const std::string& except_id) {
    auto clash = store_.templates().find_by_name(tenant_id, name);
    if (clash && clash->id != except_id) {
        throw ServiceError(ErrorKind::Conflict, "A template with this name already exists");
    }
}

storage::TemplateRecord TemplateService::create(const Caller& caller, const std::string& tenant_id,
                                                const TemplateInput& input) {
    std::vector<std::string> errors;
    check_input(input, true, errors);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
    storage::TemplateRecord record;
    record.id = new_guid();
    record.tenant_id = tenant_id;
    record.name = *input.name;
    record.description = input.description.value_or("");
    record.category = canonical_category(input.category.value_or(kDefaultCategory)).value();
    record.process_name = input.process_name;
    record.mcl_text = *input.mcl_text;
    record.auto_added_default_sort_order = input.sort_order.value_or(0);
    record.created_by = record.modified_by = caller.key_id;
    record.created_by_name = record.modified_by_name = kApiAuthor;
    record.date_created = record.date_modified = now_iso8601();
    store_.transaction([&] {
        require_tenant(store_, tenant_id);
        check_unique_name(tenant_id, record.name, record.id);
        store_.templates().insert(record);
    });
    return get(record.id);
}

storage::TemplateRecord TemplateService::require_tenant_template(const std::string& template_id,
                                                                 const char* global_message) {
    auto found = store_.templates().find(template_id);
    if (!found) template_not_found();
    if (!found->tenant_id) throw ServiceError(ErrorKind::BadRequest, global_message);
    return *found;
}

storage::TemplateRecord TemplateService::update(const Caller& caller,
                                                const std::string& template_id,
                                                const TemplateInput& input) {
    store_.transaction([&] {
        auto record =
            require_tenant_template(template_id, "Cannot update global templates through the API");
        std::vector<std::string> errors;
        check_input(input, false, errors);
        if (!errors.empty()) throw ServiceError::validation(std::move(errors));
        if (input.name) {
            check_unique_name(record.tenant_id, *input.name, record.id);
            record.name = *input.name;
        }
        if (input.description) record.description = *input.description;
        if (input.mcl_text) record.mcl_text = *input.mcl_text;
        if (input.category) record.category = *canonical_category(*input.category);
        if (input.process_name) record.process_name = input.process_name;
        if (input.sort_order) record.auto_added_default_sort_order = *input.sort_order;
        record.modified_by = caller.key_id;
        record.modified_by_name = kApiAuthor;
        record.date_modified = modification_time_after(record.date_modified);
        store_.templates().update(record);
    });
    return get(template_id);
}

void TemplateService::remove(const std::string& template_id) {
    store_.transaction([&] {
        require_tenant_template(template_id, "Cannot delete global templates");
        store_.templates().remove(template_id);
    });
}

void TemplateService::put_thumbnail(const std::string& template_id,
                                    const std::string& base64_image) {
    store_.transaction([&] {
        require_tenant_template(template_id, "Cannot update global templates through the API");
        store_.templates().put_thumbnail(template_id, parse_thumbnail_image(base64_image));
    });
}

int TemplateService::install_bundled(const std::vector<BundledTemplate>& bundled) {
    int installed = 0;
    int64_t sort_order = 0;
    for (const auto& file : bundled) {
        sort_order += kBundledSortStep;
        importers::McDocument document;
        const auto errors = template_mcl_errors(file.mcl_text, document);
        if (!errors.empty() || !document.notebooks || document.notebooks->empty()) {
            throw std::logic_error("bundled template " + file.file_name + " is not valid: " +
                                   (errors.empty() ? "no notebook" : errors.front()));
        }
        const auto& notebook = document.notebooks->front();
        if (store_.templates().find_by_name(std::nullopt, notebook.name)) continue;
        storage::TemplateRecord record;
        record.id = new_guid();
        record.name = notebook.name;
        record.description = notebook.description.value_or("");
        record.category = "Templates";
        record.mcl_text = file.mcl_text;
        record.auto_added_default_sort_order = sort_order;
        record.created_by_name = record.modified_by_name = kSystemAuthor;
        record.date_created = record.date_modified = now_iso8601();
        store_.transaction([&] { store_.templates().insert(record); });
        ++installed;
    }
    return installed;
}

}  // namespace pmstudio::services
