#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/worker_pool.h"
#include "mining/operator_settings.h"
#include "services/notebook_runner.h"
#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// A notebook's latest execution and its block results.
struct NotebookExecution {
    storage::ExecutionRecord execution;
    std::vector<storage::BlockResultRecord> results;
};

// Executions of blocks and notebooks (Block API execute/results/output-data and the Execution
// routes). Executions are queued on the execution worker pool, never run on the HTTP thread.
class ExecutionService {
public:
    ExecutionService(storage::Store& store, ProjectCache& cache, NotebookRunner& runner,
                     jobs::WorkerPool& workers)
        : store_(store), cache_(cache), runner_(runner), workers_(workers) {}

    // Queues the block with the chain above it (a selector: with its calculator's chain).
    storage::ExecutionRecord execute_block(const std::string& tenant_id,
                                           const std::string& project_id,
                                           const std::string& block_id,
                                           const std::map<std::string, mining::Json>& parameters);
    // Queues every block of the notebook (requires the project loaded).
    storage::ExecutionRecord execute_notebook(
        const std::string& tenant_id, const std::string& project_id, const std::string& notebook_id,
        const std::map<std::string, mining::Json>& parameters);
    // The notebook's newest notebook execution (requires the project loaded); NotFound when it
    // never ran.
    NotebookExecution notebook_execution(const std::string& tenant_id,
                                         const std::string& project_id,
                                         const std::string& notebook_id, bool with_results);
    // The block's results, newest first (envelopes left out).
    std::vector<storage::BlockResultRecord> block_history(const std::string& tenant_id,
                                                          const std::string& project_id,
                                                          const std::string& block_id);
    // The block's newest result; NotFound {"Error", "BlockId", "Message", "Recommendation"} (the
    // documented shape of output-data's error) when it never ran.
    storage::BlockResultRecord block_output(const std::string& tenant_id,
                                            const std::string& project_id,
                                            const std::string& block_id);

private:
    storage::ExecutionRecord queue(const std::string& tenant_id, const std::string& project_id,
                                   const storage::NotebookRecord& notebook,
                                   std::vector<storage::BlockRecord> blocks,
                                   const std::optional<std::string>& block_id,
                                   const std::map<std::string, mining::Json>& parameters);

    storage::Store& store_;
    ProjectCache& cache_;
    NotebookRunner& runner_;
    jobs::WorkerPool& workers_;
};

}  // namespace pmstudio::services
