#include "services/user_rules.h"

#include <fmt/format.h>
#include <strings.h>

#include <array>
#include <vector>

#include "common/service_error.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

constexpr std::array<const char*, 4> kRoles = {kAdministrator, kTenantAdmin, kAnalyst, "Viewer"};
constexpr size_t kMaxEmail = 254;
constexpr size_t kMinDisplayName = 2;
constexpr size_t kMaxDisplayName = 100;
constexpr size_t kMaxPersonName = 50;

bool plausible_email(const std::string& email) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
        return false;
    }
    return email.find('.', at + 1) != std::string::npos;
}

void validate_email(const std::optional<std::string>& email, std::vector<std::string>& errors) {
    if (!email || email->empty()) {
        errors.emplace_back("Email is required");
    } else if (utf8_length(*email) > kMaxEmail) {
        errors.push_back(fmt::format("Email cannot exceed {} characters", kMaxEmail));
    } else if (!plausible_email(*email)) {
        errors.push_back(fmt::format("Email '{}' is not a valid email address", *email));
    }
}

void validate_display_name(const std::optional<std::string>& display_name, bool required,
                           std::vector<std::string>& errors) {
    if (!display_name || (required && display_name->empty())) {
        if (required) errors.emplace_back("Display name is required");
        return;
    }
    const size_t length = utf8_length(*display_name);
    if (length < kMinDisplayName || length > kMaxDisplayName) {
        errors.push_back(fmt::format("Display name must be between {} and {} characters",
                                     kMinDisplayName, kMaxDisplayName));
    }
}

void validate_role(const std::optional<std::string>& role_name, bool required,
                   std::vector<std::string>& errors) {
    if (!role_name) {
        if (required) errors.emplace_back("Role name is required");
    } else if (!canonical_role(*role_name)) {
        errors.push_back(fmt::format(
            "Role '{}' is not valid. Valid roles: Administrator, TenantAdmin, Analyst, Viewer",
            *role_name));
    }
}

void validate_person_names(const std::optional<std::string>& first_name,
                           const std::optional<std::string>& last_name,
                           std::vector<std::string>& errors) {
    check_max_length(first_name, kMaxPersonName, "First name", errors);
    check_max_length(last_name, kMaxPersonName, "Last name", errors);
}

void throw_if_any(std::vector<std::string>& errors) {
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
}

}  // namespace

std::optional<std::string> canonical_role(const std::string& role_name) {
    for (const char* role : kRoles) {
        if (strcasecmp(role, role_name.c_str()) == 0) return std::string(role);
    }
    return std::nullopt;
}

void validate_create(const CreateUserInput& input) {
    std::vector<std::string> errors;
    validate_email(input.email, errors);
    validate_display_name(input.display_name, true, errors);
    validate_person_names(input.first_name, input.last_name, errors);
    validate_role(input.role_name, true, errors);
    throw_if_any(errors);
}

void validate_update(const UpdateUserInput& input) {
    std::vector<std::string> errors;
    validate_display_name(input.display_name, false, errors);
    validate_person_names(input.first_name, input.last_name, errors);
    validate_role(input.role_name, false, errors);
    throw_if_any(errors);
}

bool may_be_service_account(const std::string& role_name) {
    return role_name == kAdministrator || role_name == kTenantAdmin;
}

}  // namespace pmstudio::services
