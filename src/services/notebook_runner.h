#pragma once

#include <map>
#include <string>
#include <vector>

#include "mining/operator_settings.h"
#include "services/block_output_cache.h"
#include "services/dataset_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// One queued execution, everything the worker needs.
struct ExecutionPlan {
    storage::ExecutionRecord execution;
    std::string tenant_id;
    storage::DatasetRecord dataset;
    // In execution order: chain blocks (top down), then dashboard selector blocks.
    std::vector<storage::BlockRecord> blocks;
    std::map<std::string, mining::Json> parameters;
};

// Runs an execution's blocks over the investigation's dataset on the calling (worker) thread:
// each chain block receives the state its predecessor produced (disabled blocks pass it on
// unchanged), selector blocks read their calculator's tables. Outputs come from the
// BlockOutputCache when a block and everything above it are unchanged. Progress, each block's
// result envelope and the final status are written to the store as they happen; the first
// failing block ends the execution as Failed with a message naming it, and the results before
// it stay.
class NotebookRunner {
public:
    NotebookRunner(storage::Store& store, DatasetCache& datasets, BlockOutputCache& cache)
        : store_(store), datasets_(datasets), cache_(cache) {}

    void run(ExecutionPlan plan);

private:
    storage::Store& store_;
    DatasetCache& datasets_;
    BlockOutputCache& cache_;
};

}  // namespace pmstudio::services
