#include "services/tenant_service.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

constexpr size_t kMaxDisplayName = 255;
constexpr size_t kMaxDescription = 1000;

void validate_name(const std::optional<std::string>& name, std::vector<std::string>& errors) {
    if (!name || name->empty()) {
        errors.emplace_back("Name is required");
        return;
    }
    if (name->size() < 3 || name->size() > 63) {
        errors.emplace_back("Name must be between 3 and 63 characters");
    }
    bool allowed = true;
    for (char c : *name) {
        allowed = allowed && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    }
    if (!allowed) {
        errors.emplace_back("Name can only contain lowercase letters, numbers, and hyphens");
    } else if (name->front() == '-' || name->back() == '-') {
        errors.emplace_back("Name must start and end with a letter or number");
    }
}

void validate_display_name(const std::optional<std::string>& display_name, bool required,
                           std::vector<std::string>& errors) {
    if (!display_name || display_name->empty()) {
        if (required) errors.emplace_back("Display name is required");
        return;
    }
    if (utf8_length(*display_name) > kMaxDisplayName) {
        errors.emplace_back("Display name cannot exceed 255 characters");
    }
}

void validate_limit(const std::optional<int64_t>& value, const char* field, bool required,
                    std::vector<std::string>& errors) {
    if (!value) {
        if (required) errors.push_back(fmt::format("{} is required", field));
    } else if (*value < -1) {
        errors.push_back(fmt::format("{} must be -1 (unlimited) or a non-negative number", field));
    }
}

void validate_time_zone(const std::optional<std::string>& time_zone,
                        std::vector<std::string>& errors) {
    if (!time_zone || *time_zone == "UTC") return;
    const std::filesystem::path zoneinfo("/usr/share/zoneinfo");
    const bool plausible = !time_zone->empty() && time_zone->find("..") == std::string::npos &&
                           time_zone->front() != '/';
    if (!plausible || !std::filesystem::is_regular_file(zoneinfo / *time_zone)) {
        errors.push_back(fmt::format("Time zone '{}' is not a known IANA time zone", *time_zone));
    }
}

}  // namespace

storage::TenantRecord require_tenant(storage::Store& store, const std::string& tenant_id) {
    auto tenant = store.tenants().find(tenant_id);
    if (!tenant) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Tenant with ID '{}' not found", tenant_id));
    }
    return *tenant;
}

TenantPage TenantService::list(const PageRequest& page) {
    TenantPage result;
    result.total_count = store_.tenants().count();
    for (auto& tenant : store_.tenants().list(page.offset(), page.page_size)) {
        auto stats = store_.tenants().stats(tenant.id);
        result.tenants.push_back({std::move(tenant), stats});
    }
    return result;
}

storage::TenantRecord TenantService::get(const std::string& tenant_id) {
    return require_tenant(store_, tenant_id);
}

CreatedTenant TenantService::create(const CreateTenantInput& input) {
    std::vector<std::string> errors;
    validate_name(input.name, errors);
    validate_display_name(input.display_name, true, errors);
    check_max_length(input.description, kMaxDescription, "Description", errors);
    validate_limit(input.max_users, "maxUsers", true, errors);
    validate_limit(input.max_analysts, "maxAnalyst", true, errors);
    validate_limit(input.max_cases, "maxCases", true, errors);
    validate_time_zone(input.time_zone, errors);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));

    storage::TenantRecord tenant;
    tenant.id = new_guid();
    tenant.name = *input.name;
    tenant.display_name = *input.display_name;
    tenant.description = input.description.value_or("");
    tenant.max_users = *input.max_users;
    tenant.max_analysts = *input.max_analysts;
    tenant.max_cases = *input.max_cases;
    tenant.time_zone = input.time_zone.value_or("UTC");
    tenant.date_created = now_iso8601();

    CreatedTenant created{tenant, false};
    try {
        store_.transaction([&] {
            if (max_tenants_ > 0 && store_.tenants().count() >= max_tenants_) {
                throw ServiceError(ErrorKind::LimitReached,
                                   fmt::format("Maximum number of tenants reached. Your license "
                                               "allows {} tenants.",
                                               max_tenants_))
                    .with("hint", "Upgrade your license to create more tenants");
            }
            store_.tenants().insert(tenant);
            created.storage_container_created = tenant_storage_.create_container(tenant.id);
        });
    } catch (const storage::UniqueConstraintError&) {
        throw ServiceError(ErrorKind::Conflict,
                           fmt::format("A tenant with name '{}' already exists", tenant.name));
    }
    return created;
}

storage::TenantRecord TenantService::update(const UpdateTenantInput& input) {
    std::vector<std::string> errors;
    validate_display_name(input.display_name, false, errors);
    if (input.display_name && input.display_name->empty()) {
        errors.emplace_back("Display name cannot be empty");
    }
    check_max_length(input.description, kMaxDescription, "Description", errors);
    validate_limit(input.max_users, "maxUsers", false, errors);
    validate_limit(input.max_analysts, "maxAnalyst", false, errors);
    validate_limit(input.max_cases, "maxCases", false, errors);
    validate_time_zone(input.time_zone, errors);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));

    storage::TenantRecord tenant;
    store_.transaction([&] {
        tenant = require_tenant(store_, input.tenant_id);
        if (input.display_name) tenant.display_name = *input.display_name;
        if (input.description) tenant.description = *input.description;
        if (input.max_users) tenant.max_users = *input.max_users;
        if (input.max_analysts) tenant.max_analysts = *input.max_analysts;
        if (input.max_cases) tenant.max_cases = *input.max_cases;
        if (input.time_zone) tenant.time_zone = *input.time_zone;
        if (input.is_academic) tenant.is_academic = *input.is_academic;
        if (input.pre_release) tenant.pre_release = *input.pre_release;
        if (input.is_disabled) tenant.is_disabled = *input.is_disabled;
        store_.tenants().update(tenant);
    });
    return tenant;
}

DeletedTenant TenantService::remove(const DeleteTenantInput& input) {
    static constexpr const char* kHint =
        "All three identifiers (ID, name, display name) must match exactly for safety";
    DeletedTenant deleted;
    store_.transaction([&] {
        auto tenant = store_.tenants().find(input.tenant_id);
        if (!tenant) {
            throw ServiceError(ErrorKind::NotFound,
                               fmt::format("Tenant not found with ID '{}'", input.tenant_id));
        }
        if (tenant->name != input.name) {
            throw ServiceError(ErrorKind::BadRequest,
                               fmt::format("Tenant name '{}' does not match the tenant with ID "
                                           "'{}'. Expected '{}'.",
                                           input.name, input.tenant_id, tenant->name))
                .with("hint", kHint);
        }
        if (tenant->display_name != input.display_name) {
            throw ServiceError(
                ErrorKind::BadRequest,
                fmt::format("Display name '{}' does not match the tenant with ID "
                            "'{}'. Expected '{}'.",
                            input.display_name, input.tenant_id, tenant->display_name))
                .with("hint", kHint);
        }
        store_.tenants().remove(tenant->id);
        deleted.tenant = *tenant;
    });
    project_cache_.evict_tenant(input.tenant_id);
    deleted.storage_container_deleted = tenant_storage_.delete_container(input.tenant_id);
    return deleted;
}

}  // namespace pmstudio::services
