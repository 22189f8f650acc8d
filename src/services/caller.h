#pragma once

#include <optional>
#include <string>

namespace pmstudio::services {

// Who is making a request: the API key that authenticated it.
struct Caller {
    std::string key_id;
    std::string key_name;
    std::optional<std::string> tenant_id;  // empty for a global key

    bool is_global() const { return !tenant_id.has_value(); }
    // The name recorded in createdBy/modifiedBy fields.
    std::string audit_name() const { return key_name; }
};

}  // namespace pmstudio::services
