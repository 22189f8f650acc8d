#include "app/api_key_cli.h"

#include <iostream>

#include "app/server_options.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/api_key_service.h"
#include "storage/store.h"

namespace pmstudio::app {
namespace {

template <typename Work>
int with_keys(const std::filesystem::path& data_dir, const std::optional<std::string>& tenant_id,
              Work work) {
    if (tenant_id && !is_guid(*tenant_id)) {
        std::cerr << "error: --tenant must be a GUID, got '" << *tenant_id << "'\n";
        return 2;
    }
    if (!std::filesystem::exists(database_file(data_dir))) {
        std::cerr << "error: no pmstudio store in " << data_dir << " (start the server once)\n";
        return 2;
    }
    try {
        auto store = storage::open_sqlite_store(database_file(data_dir));
        services::ApiKeyService keys(*store);
        std::optional<std::string> tenant;
        if (tenant_id) tenant = normalize_guid(*tenant_id);
        work(keys, tenant);
        return 0;
    } catch (const ServiceError& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace

int api_key_create(const std::filesystem::path& data_dir,
                   const std::optional<std::string>& tenant_id, const std::string& name) {
    return with_keys(data_dir, tenant_id, [&](services::ApiKeyService& keys, const auto& tenant) {
        const auto issued = keys.issue(tenant, name);
        std::cout << "apiKeyId: " << issued.record.id << "\n"
                  << "scope:    " << (tenant ? "tenant " + *tenant : std::string("global")) << "\n"
                  << "apiKey:   " << issued.secret << "\n"
                  << "(the key is shown only now; store it safely)\n";
    });
}

int api_key_list(const std::filesystem::path& data_dir,
                 const std::optional<std::string>& tenant_id) {
    return with_keys(data_dir, tenant_id, [&](services::ApiKeyService& keys, const auto& tenant) {
        for (const auto& key : keys.list(tenant)) {
            std::cout << key.id << "  " << key.date_created << "  " << key.name << "\n";
        }
    });
}

int api_key_revoke(const std::filesystem::path& data_dir,
                   const std::optional<std::string>& tenant_id, const std::string& key_id) {
    return with_keys(data_dir, tenant_id, [&](services::ApiKeyService& keys, const auto& tenant) {
        keys.revoke(tenant, normalize_guid(key_id));
        std::cout << "revoked " << key_id << "\n";
    });
}

}  // namespace pmstudio::app
