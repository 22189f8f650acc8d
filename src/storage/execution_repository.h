#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

// A run of a notebook's blocks (block_id null), or of one block with the chain above it.
struct ExecutionRecord {
    std::string id;
    std::string notebook_id;
    std::optional<std::string> block_id;
    std::string status;  // Queued, Running, then Completed | Failed | Cancelled
    std::string parameters = "{}";
    std::optional<std::string> error_message;
    int64_t blocks_total = 0;
    int64_t blocks_done = 0;
    std::string date_queued;
    std::optional<std::string> date_started;
    std::optional<std::string> date_ended;
};

// One block's outcome in one execution; `envelope` is the result envelope JSON.
struct BlockResultRecord {
    std::string execution_id;
    std::string block_id;
    int64_t position = 0;  // order in the execution
    std::string status;    // Success, Failed, Skipped
    std::optional<std::string> error_message;
    std::string date_started;
    std::string date_ended;
    std::string envelope;
};

class ExecutionRepository {
public:
    virtual ~ExecutionRepository() = default;

    virtual void insert(const ExecutionRecord& execution) = 0;
    virtual void update(const ExecutionRecord& execution) = 0;
    virtual std::optional<ExecutionRecord> find(const std::string& execution_id) = 0;
    // The newest execution of the notebook (block_id null ones only when `notebook_runs_only`).
    virtual std::optional<ExecutionRecord> latest(const std::string& notebook_id,
                                                  bool notebook_runs_only) = 0;
    virtual void insert_result(const BlockResultRecord& result) = 0;
    // The execution's block results in execution order.
    virtual std::vector<BlockResultRecord> results(const std::string& execution_id) = 0;
    // A block's results, newest first, without their envelopes (history listings).
    virtual std::vector<BlockResultRecord> history(const std::string& block_id) = 0;
    // The block's newest result with its envelope.
    virtual std::optional<BlockResultRecord> latest_result(const std::string& block_id) = 0;
    // Marks executions left Queued or Running by a previous process as Cancelled; returns how many.
    virtual int fail_unfinished(const std::string& date_ended, const std::string& message) = 0;
    // Deletes the notebook's finished executions (and their block results) except the newest
    // `keep`; returns how many went.
    virtual int prune(const std::string& notebook_id, int keep) = 0;
};

}  // namespace pmstudio::storage
