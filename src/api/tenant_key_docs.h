#pragma once

#include <vector>

#include "api/route.h"

namespace pmstudio::api {

// `docs` plus the authentication failures every Access::TenantKey route can answer with.
inline std::vector<ResponseDoc> with_tenant_key_errors(std::vector<ResponseDoc> docs) {
    docs.push_back({401, "Missing or invalid API key"});
    docs.push_back({403, "Key of another tenant, or tenant disabled"});
    return docs;
}

}  // namespace pmstudio::api
