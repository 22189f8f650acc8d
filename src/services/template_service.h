#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "storage/store.h"

namespace pmstudio::services {

struct TemplateInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> mcl_text;
    std::optional<std::string> category;
    std::optional<std::string> process_name;
    std::optional<bool> is_global;
    std::optional<int64_t> sort_order;
};

// A template shipped with pmstudio, installed as a global template at start-up.
struct BundledTemplate {
    std::string file_name;
    std::string mcl_text;
};

// Notebook templates (Template API): global ones, read-only through the API, and tenant ones.
// mclText is an MCL document checked on create and update (template_mcl.h).
class TemplateService {
public:
    explicit TemplateService(storage::Store& store) : store_(store) {}

    std::vector<storage::TemplateRecord> list_global();
    // Global templates plus the tenant's; NotFound when the tenant does not exist.
    std::vector<storage::TemplateRecord> list_for_tenant(const std::string& tenant_id);
    // Templates, Custom or BaseKnowledge (any case); with a tenant: global plus that tenant's,
    // without: every template of the category.
    std::vector<storage::TemplateRecord> list_by_category(
        const std::string& category, const std::optional<std::string>& tenant_id);
    storage::TemplateRecord get(const std::string& template_id);
    storage::Thumbnail thumbnail(const std::string& template_id);
    storage::TemplateRecord create(const Caller& caller, const std::string& tenant_id,
                                   const TemplateInput& input);
    storage::TemplateRecord update(const Caller& caller, const std::string& template_id,
                                   const TemplateInput& input);
    void remove(const std::string& template_id);
    // Sets a tenant template's thumbnail from a PNG or JPEG data URI (pmstudio addition).
    void put_thumbnail(const std::string& template_id, const std::string& base64_image);

    // Installs each bundled template whose name no global template has yet; returns how many.
    // A bundled template that is not valid MCL is a programming error and throws.
    int install_bundled(const std::vector<BundledTemplate>& bundled);

private:
    // The tenant template to modify: NotFound when missing, BadRequest `global_message` when
    // global.
    storage::TemplateRecord require_tenant_template(const std::string& template_id,
                                                    const char* global_message);
    void check_unique_name(const std::optional<std::string>& tenant_id, const std::string& name,
                           const std::string& except_id);

    storage::Store& store_;
};

}  // namespace pmstudio::services
