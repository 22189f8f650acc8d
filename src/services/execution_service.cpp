#include "services/execution_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "services/analysis_lookup.h"
#include "services/execution_status.h"
#include "services/project_lookup.h"

namespace pmstudio::services {
namespace {

// The chain blocks up to and including `last`.
std::vector<storage::BlockRecord> chain_through(std::vector<storage::BlockRecord> chain,
                                                const std::string& last) {
    auto end = std::find_if(chain.begin(), chain.end(),
                            [&](const auto& block) { return block.id == last; });
    if (end != chain.end()) ++end;
    chain.erase(end, chain.end());
    return chain;
}

}  // namespace

storage::ExecutionRecord ExecutionService::queue(
    const std::string& tenant_id, const std::string& project_id,
    const storage::NotebookRecord& notebook, std::vector<storage::BlockRecord> blocks,
    const std::optional<std::string>& block_id,
    const std::map<std::string, mining::Json>& parameters) {
    const auto investigation = require_investigation(store_, project_id, notebook.investigation_id);
    auto dataset = store_.datasets().find(project_id, investigation.dataset_id);
    if (!dataset) {
        throw ServiceError(ErrorKind::BadRequest,
                           fmt::format("Dataset not found with ID '{}'", investigation.dataset_id));
    }
    ExecutionPlan plan;
    plan.execution.id = new_guid();
    plan.execution.notebook_id = notebook.id;
    plan.execution.block_id = block_id;
    plan.execution.status = kQueued;
    plan.execution.parameters = mining::Json(parameters).dump();
    plan.execution.blocks_total = static_cast<int64_t>(blocks.size());
    plan.execution.date_queued = now_iso8601();
    plan.tenant_id = tenant_id;
    plan.dataset = std::move(*dataset);
    plan.blocks = std::move(blocks);
    plan.parameters = parameters;
    store_.executions().insert(plan.execution);
    auto queued = plan.execution;
    workers_.submit([this, plan = std::move(plan)]() mutable { runner_.run(std::move(plan)); });
    return queued;
}

storage::ExecutionRecord ExecutionService::execute_block(
    const std::string& tenant_id, const std::string& project_id, const std::string& block_id,
    const std::map<std::string, mining::Json>& parameters) {
    auto_load_project(store_, cache_, tenant_id, project_id);
    const auto block = require_block(store_, project_id, block_id);
    const auto notebook = require_notebook(store_, project_id, block.notebook_id);
    auto chain = store_.blocks().list(notebook.id, false);
    std::vector<storage::BlockRecord> blocks;
    if (block.is_dashboard_block) {
        blocks = block.parent_id ? chain_through(std::move(chain), *block.parent_id)
                                 : std::vector<storage::BlockRecord>{};
        blocks.push_back(block);
    } else {
        blocks = chain_through(std::move(chain), block.id);
    }
    return queue(tenant_id, project_id, notebook, std::move(blocks), block.id, parameters);
}

storage::ExecutionRecord ExecutionService::execute_notebook(
    const std::string& tenant_id, const std::string& project_id, const std::string& notebook_id,
    const std::map<std::string, mining::Json>& parameters) {
    require_loaded_project(store_, cache_, tenant_id, project_id);
    const auto notebook = require_notebook(store_, project_id, notebook_id);
    auto blocks = store_.blocks().list(notebook.id, false);
    for (auto& selector : store_.blocks().list(notebook.id, true))
        blocks.push_back(std::move(selector));
    return queue(tenant_id, project_id, notebook, std::move(blocks), std::nullopt, parameters);
}

NotebookExecution ExecutionService::notebook_execution(const std::string& tenant_id,
                                                       const std::string& project_id,
                                                       const std::string& notebook_id,
                                                       bool with_results) {
    require_loaded_project(store_, cache_, tenant_id, project_id);
    require_notebook(store_, project_id, notebook_id);
    auto execution = store_.executions().latest(notebook_id, true);
    if (!execution) {
        throw ServiceError(ErrorKind::NotFound, "The notebook has not been executed yet")
            .with("notebookId", notebook_id);
    }
    NotebookExecution found{std::move(*execution), {}};
    if (with_results) found.results = store_.executions().results(found.execution.id);
    return found;
}

std::vector<storage::BlockResultRecord> ExecutionService::block_history(
    const std::string& tenant_id, const std::string& project_id, const std::string& block_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_block(store_, project_id, block_id);
    return store_.executions().history(block_id);
}

storage::BlockResultRecord ExecutionService::block_output(const std::string& tenant_id,
                                                          const std::string& project_id,
                                                          const std::string& block_id) {
    use_project(store_, cache_, tenant_id, project_id);
    require_block(store_, project_id, block_id);
    auto output = store_.executions().latest_result(block_id);
    if (!output) {
        throw ServiceError(ErrorKind::NotFound, "Block has not been executed yet")
            .with("BlockId", block_id)
            .with("Message",
                  "Execute the block (POST .../block/{blockId}/execute) or its notebook "
                  "(POST .../execution/notebook/{notebookId}), then fetch its output")
            .with("Recommendation", "POST /api/{tenantId}/{projectId}/block/{blockId}/execute")
            .written_as(ErrorBody::PascalCase);
    }
    return *output;
}

}  // namespace pmstudio::services
