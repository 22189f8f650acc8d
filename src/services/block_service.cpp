#include "services/block_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "mining/block_validator.h"
#include "mining/operator_registry.h"
#include "services/analysis_lookup.h"
#include "services/block_chain.h"
#include "services/project_lookup.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

// The problems of a block's operator and configuration; sets `block_type` to the catalog
// block type of the operator they resolve to.
std::vector<std::string> operator_errors(const std::string& operator_name,
                                         const std::string& configuration,
                                         std::string& block_type) {
    const auto checked = mining::check_block(operator_name, nlohmann::json(configuration));
    if (checked.errors.empty() && checked.match.spec != nullptr) {
        block_type = checked.match.spec->at("blockType").get<std::string>();
    }
    return checked.errors;
}

// Validates a block about to be stored: its names, its operator and configuration (when it has
// either) and that its block type agrees with the operator's.
std::vector<std::string> block_errors(storage::BlockRecord& block,
                                      const std::optional<std::string>& requested_type) {
    std::vector<std::string> errors;
    check_max_length(block.name, kMaxNameLength, "name", errors);
    check_max_length(block.description, kMaxDescriptionLength, "description", errors);
    std::optional<std::string> type;
    if (requested_type) {
        type = mining::block_type_name(*requested_type);
        if (!type) {
            errors.push_back(
                fmt::format("Unknown blockType '{}': use Filter, Calculator, Enrichment or Alert",
                            *requested_type));
        } else if (*type == "Selector") {
            errors.emplace_back(
                "Selector blocks belong to dashboards: they are created with dashboard panels");
        }
    }
    const bool configured = !block.operator_name.empty() || block.configuration != "{}";
    if (configured) {
        std::string operator_type;
        auto problems = operator_errors(block.operator_name, block.configuration, operator_type);
        errors.insert(errors.end(), problems.begin(), problems.end());
        if (problems.empty() && type && *type != operator_type) {
            errors.push_back(fmt::format("Operator '{}' makes a {} block, not a {} block",
                                         block.operator_name, operator_type, *type));
        }
        if (!type) type = operator_type;
    }
    if (errors.empty()) block.block_type = type.value_or(block.block_type);
    return errors;
}

[[noreturn]] void invalid_block(std::vector<std::string> errors) {
    auto error = ServiceError::validation(std::move(errors));
    throw error.written_as(ErrorBody::PascalCase);
}

}  // namespace

NotebookBlocks BlockService::list(const std::string& tenant_id, const std::string& project_id,
                                  const std::string& notebook_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_notebook(store_, project_id, notebook_id);
    return {store_.blocks().list(notebook_id, false), store_.blocks().list(notebook_id, true)};
}

storage::BlockRecord BlockService::insert(const Caller& caller, const std::string& project_id,
                                          const std::string& notebook_id,
                                          storage::BlockRecord block,
                                          const std::optional<std::string>& insert_after) {
    block.id = new_guid();
    block.notebook_id = notebook_id;
    block.created_by = block.modified_by = caller.audit_name();
    block.date_created = block.date_modified = now_iso8601();
    store_.transaction([&] {
        require_notebook(store_, project_id, notebook_id);
        auto ids = block_ids(store_.blocks().list(notebook_id, false));
        auto at = ids.end();
        if (insert_after) {
            at = std::find(ids.begin(), ids.end(), *insert_after);
            if (at == ids.end()) {
                invalid_block(
                    {fmt::format("insertAfterBlockId '{}' is not a block of this notebook's chain",
                                 *insert_after)});
            }
            ++at;
        }
        ids.insert(at, block.id);
        const auto links = chain_links(ids);
        const auto mine = std::find_if(links.begin(), links.end(),
                                       [&](const auto& link) { return link.block_id == block.id; });
        block.parent_id = mine->parent_id;
        block.position = mine->position;
        store_.blocks().insert(block);
        store_.blocks().save_links(links);
    });
    return require_block(store_, project_id, block.id);
}

storage::BlockRecord BlockService::create(const Caller& caller, const std::string& tenant_id,
                                          const std::string& project_id,
                                          const std::string& notebook_id, const BlockInput& input) {
    std::vector<std::string> errors;
    if (is_blank(input.name)) errors.emplace_back("name is required");
    if (is_blank(input.operator_name) && !input.configuration) {
        errors.emplace_back("operatorName is required");
    }
    if (!errors.empty()) invalid_block(std::move(errors));
    storage::BlockRecord block;
    block.operator_name = input.operator_name.value_or("");
    block.name = *input.name;
    block.description = input.description.value_or("");
    block.configuration = input.configuration.value_or("{}");
    block.is_disabled = input.is_disabled.value_or(false);
    errors = block_errors(block, input.block_type);
    if (!errors.empty()) invalid_block(std::move(errors));
    auto_load_project(store_, cache_, tenant_id, project_id);
    return insert(caller, project_id, notebook_id, std::move(block), input.insert_after_block_id);
}

storage::BlockRecord BlockService::create_typed(const Caller& caller, const std::string& tenant_id,
                                                const std::string& project_id,
                                                const std::string& block_type,
                                                const std::optional<std::string>& notebook_id,
                                                const BlockInput& input) {
    std::vector<std::string> errors;
    if (!notebook_id) errors.emplace_back("notebookId is required");
    if (is_blank(input.name)) errors.emplace_back("blockTitle is required");
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
    storage::BlockRecord block;
    block.block_type = block_type;
    block.operator_name = input.operator_name.value_or("");
    block.name = *input.name;
    block.description = input.description.value_or("");
    block.configuration = input.configuration.value_or("{}");
    errors = block_errors(block, block_type);
    if (!errors.empty()) throw ServiceError::validation(std::move(errors));
    auto_load_project(store_, cache_, tenant_id, project_id);
    return insert(caller, project_id, *notebook_id, std::move(block), input.insert_after_block_id);
}

storage::BlockRecord BlockService::get(const std::string& tenant_id, const std::string& project_id,
                                       const std::string& block_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return require_block(store_, project_id, block_id);
}

storage::BlockRecord BlockService::update(const Caller& caller, const std::string& tenant_id,
                                          const std::string& project_id,
                                          const std::string& block_id, const BlockInput& input) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        auto block = require_block(store_, project_id, block_id);
        std::vector<std::string> errors;
        if (input.name && is_blank(input.name)) errors.emplace_back("blockTitle cannot be empty");
        if (input.name) block.name = *input.name;
        if (input.description) block.description = *input.description;
        if (input.is_disabled) block.is_disabled = *input.is_disabled;
        if (input.operator_name) block.operator_name = *input.operator_name;
        if (input.configuration) block.configuration = *input.configuration;
        if (input.operator_name || input.configuration || input.block_type) {
            auto problems = block_errors(block, input.block_type.value_or(block.block_type));
            errors.insert(errors.end(), problems.begin(), problems.end());
        } else {
            check_max_length(block.name, kMaxNameLength, "blockTitle", errors);
            check_max_length(block.description, kMaxDescriptionLength, "blockDescription", errors);
        }
        if (!errors.empty()) {
            std::string message = "Failed to update block.";
            for (const auto& problem : errors) message += " " + problem + ".";
            throw ServiceError(ErrorKind::BadRequest, message).written_as(ErrorBody::PlainText);
        }
        block.modified_by = caller.audit_name();
        block.date_modified = modification_time_after(block.date_modified);
        store_.blocks().update(block);
    });
    return require_block(store_, project_id, block_id);
}

void BlockService::remove(const std::string& tenant_id, const std::string& project_id,
                          const std::string& block_id) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        const auto block = require_block(store_, project_id, block_id);
        for (const auto& shown_by : store_.blocks().list(block.notebook_id, true)) {
            if (shown_by.parent_id == block.id) store_.blocks().remove(shown_by.id);
        }
        store_.blocks().remove(block.id);
        if (!block.is_dashboard_block) {
            store_.blocks().save_links(
                chain_links(block_ids(store_.blocks().list(block.notebook_id, false))));
        }
    });
}

std::vector<storage::BlockRecord> BlockService::order(const std::string& tenant_id,
                                                      const std::string& project_id,
                                                      const std::string& notebook_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_notebook(store_, project_id, notebook_id);
    return store_.blocks().list(notebook_id, false);
}

std::vector<storage::BlockRecord> BlockService::reorder(const std::string& tenant_id,
                                                        const std::string& project_id,
                                                        const std::string& notebook_id,
                                                        const std::vector<std::string>& block_ids) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    store_.transaction([&] {
        require_notebook(store_, project_id, notebook_id);
        const auto current = services::block_ids(store_.blocks().list(notebook_id, false));
        const std::set<std::string> expected(current.begin(), current.end());
        std::set<std::string> seen;
        std::vector<std::string> errors;
        for (const auto& id : block_ids) {
            if (!expected.contains(id)) {
                errors.push_back(fmt::format("Block '{}' is not in this notebook's chain", id));
            } else if (!seen.insert(id).second) {
                errors.push_back(fmt::format("Block '{}' is listed twice", id));
            }
        }
        for (const auto& id : current) {
            if (!seen.contains(id)) {
                errors.push_back(
                    fmt::format("Block '{}' of the notebook is missing from blockIds", id));
            }
        }
        if (!errors.empty()) throw ServiceError::validation(std::move(errors));
        store_.blocks().save_links(chain_links(block_ids));
    });
    return store_.blocks().list(notebook_id, false);
}

nlohmann::ordered_json BlockService::block_types(const std::string& tenant_id,
                                                 const std::string& project_id) {
    use_project(store_, cache_, tenant_id, project_id);
    return mining::discovery_json();
}

}  // namespace pmstudio::services
