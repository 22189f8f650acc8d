#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

struct BlockInput {
    std::optional<std::string> block_type;  // Filter, Calculator, Enrichment, Alert, ...
    std::optional<std::string> operator_name;
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> configuration;  // a JSON object, as text
    std::optional<std::string> insert_after_block_id;
    std::optional<bool> is_disabled;
};

// A notebook's blocks in execution order (the chain), then its dashboard selector blocks.
struct NotebookBlocks {
    std::vector<storage::BlockRecord> chain;
    std::vector<storage::BlockRecord> dashboard_blocks;
};

// Blocks of notebooks (Notebook API block routes and Block API). A notebook's blocks form one
// chain: every change rewrites the parent links so that each block's parent is the block before
// it. Configurations are checked against the operator registry (docs/operators.md) on create and
// update. Modifications auto-load the project into the cache.
class BlockService {
public:
    BlockService(storage::Store& store, ProjectCache& cache) : store_(store), cache_(cache) {}

    NotebookBlocks list(const std::string& tenant_id, const std::string& project_id,
                        const std::string& notebook_id);
    // Inserts after insert_after_block_id, or at the end of the chain.
    storage::BlockRecord create(const Caller& caller, const std::string& tenant_id,
                                const std::string& project_id, const std::string& notebook_id,
                                const BlockInput& input);
    // /block/filter, /block/calculator, /block/alert: a block of that type whose operator and
    // configuration may come later (an unconfigured block does not run until they are set).
    storage::BlockRecord create_typed(const Caller& caller, const std::string& tenant_id,
                                      const std::string& project_id, const std::string& block_type,
                                      const std::optional<std::string>& notebook_id,
                                      const BlockInput& input);
    storage::BlockRecord get(const std::string& tenant_id, const std::string& project_id,
                             const std::string& block_id);
    // Problems are a BadRequest in the documented plain-text form "Failed to update block. ...".
    storage::BlockRecord update(const Caller& caller, const std::string& tenant_id,
                                const std::string& project_id, const std::string& block_id,
                                const BlockInput& input);
    // Removes the block (and the dashboard blocks showing it) and closes the gap in the chain.
    void remove(const std::string& tenant_id, const std::string& project_id,
                const std::string& block_id);
    std::vector<storage::BlockRecord> order(const std::string& tenant_id,
                                            const std::string& project_id,
                                            const std::string& notebook_id);
    // `block_ids` must name every chain block of the notebook exactly once.
    std::vector<storage::BlockRecord> reorder(const std::string& tenant_id,
                                              const std::string& project_id,
                                              const std::string& notebook_id,
                                              const std::vector<std::string>& block_ids);

    // The block-type discovery document of the operator registry (mining::discovery_json).
    nlohmann::ordered_json block_types(const std::string& tenant_id, const std::string& project_id);

private:
    storage::BlockRecord insert(const Caller& caller, const std::string& project_id,
                                const std::string& notebook_id, storage::BlockRecord block,
                                const std::optional<std::string>& insert_after);

    storage::Store& store_;
    ProjectCache& cache_;
};

}  // namespace pmstudio::services
