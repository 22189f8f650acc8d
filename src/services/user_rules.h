#pragma once

#include <optional>
#include <string>

#include "services/user_service.h"

namespace pmstudio::services {

inline constexpr const char* kAdministrator = "Administrator";
inline constexpr const char* kTenantAdmin = "TenantAdmin";
inline constexpr const char* kAnalyst = "Analyst";

// The canonical spelling of a role name matched case-insensitively, or nullopt when unknown.
std::optional<std::string> canonical_role(const std::string& role_name);

// Throw the documented 400 validation error listing every problem of the input.
void validate_create(const CreateUserInput& input);
void validate_update(const UpdateUserInput& input);

// Only Administrator and TenantAdmin users may be service accounts.
bool may_be_service_account(const std::string& role_name);

}  // namespace pmstudio::services
