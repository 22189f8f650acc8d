#include "services/notebook_runner.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <chrono>

#include "common/clock.h"
#include "common/crypto.h"
#include "common/text.h"
#include "mining/result_table.h"
#include "services/execution_status.h"

namespace pmstudio::services {
namespace {

using mining::Json;

// Operators whose output depends on the current time ("time since", open stages, recent periods;
// FilterDate only with relative dates): their keys carry the minute of the execution, so their
// cached outputs are reused within that minute only.
constexpr std::array kTimeDependent = {"OperatorTimeDifferenceFromCurrentTime",
                                       "CalculatorCaseStage", "CalculatorTrend",
                                       "CalculatorValueOverTime", "AlertThreshold"};

// True when a relative date (a "Variable" other than 0, absolute) occurs anywhere in `value`.
bool has_relative_date(const Json& value) {
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
            if (iequals(key, "Variable") && item.is_number() && item.get<double>() != 0)
                return true;
            if (has_relative_date(item)) return true;
        }
    } else if (value.is_array()) {
        for (const auto& item : value) {
            if (has_relative_date(item)) return true;
        }
    }
    return false;
}

bool time_dependent(const storage::BlockRecord& block) {
    if (iequals(block.operator_name, "FilterDate")) {
        const auto settings = Json::parse(block.configuration, nullptr, false);
        return settings.is_discarded() || has_relative_date(settings);
    }
    for (const char* name : kTimeDependent) {
        if (iequals(block.operator_name, name)) return true;
    }
    return false;
}

// Executions (with their result envelopes) kept per notebook; older ones are deleted as new ones
// finish, so stored results do not grow without bound.
constexpr int kKeptExecutions = 20;

int64_t now_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string chain_key(const std::string& above, const storage::BlockRecord& block,
                      const std::string& parameters, int64_t minute) {
    return sha256_hex(fmt::format("{}\n{}\n{}\n{}\n{}\n{}", above, block.operator_name,
                                  block.configuration, block.is_disabled, parameters,
                                  time_dependent(block) ? minute : -1));
}

std::string serialise_tables(const std::vector<mining::ResultTable>& tables) {
    Json array = Json::array();
    for (const auto& table : tables) array.push_back(mining::table_json(table));
    return array.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The result envelope of docs/api-execution.md as JSON text; the tables are spliced in from their
// cached serialisation, so a block reused from the cache costs no new serialisation.
std::string envelope(const storage::BlockRecord& block, const std::string& execution_id,
                     const std::string& status, const std::optional<std::string>& error,
                     const CachedBlockOutput* computed, bool from_cache) {
    Json body{{"blockId", block.id},     {"executionId", execution_id},
              {"blockName", block.name}, {"operatorName", block.operator_name},
              {"status", status},        {"errorMessage", error ? Json(*error) : Json(nullptr)}};
    if (computed != nullptr) {
        body["inputCaseCount"] = computed->input_case_count;
        body["inputEventCount"] = computed->input_event_count;
        body["outputCaseCount"] = computed->state.view.case_count();
        body["outputEventCount"] = computed->state.view.event_count();
        body["durationMs"] = computed->duration_ms;
        body["fromCache"] = from_cache;
        if (computed->output.alert_triggered) {
            body["alertTriggered"] = *computed->output.alert_triggered;
        }
        if (!computed->output.details.empty()) body["details"] = computed->output.details;
    }
    std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    text.pop_back();  // the closing brace
    text += R"(,"tables":)";
    text += computed != nullptr && !computed->tables_json.empty() ? computed->tables_json : "[]";
    text += '}';
    return text;
}

}  // namespace

void NotebookRunner::run(ExecutionPlan plan) {
    auto& execution = plan.execution;
    const auto started = std::chrono::steady_clock::now();
    execution.status = kRunning;
    execution.date_started = now_iso8601();
    execution.blocks_total = static_cast<int64_t>(plan.blocks.size());
    store_.executions().update(execution);

    const std::string parameters = Json(plan.parameters).dump();
    const int64_t now = now_micros();
    const int64_t minute = now / (60LL * 1'000'000);
    std::map<std::string, std::shared_ptr<const CachedBlockOutput>> outputs;  // by block id
    std::map<std::string, std::string> keys;                                  // by block id
    mining::OperatorContext context;
    context.now = now;
    context.block_tables = [&outputs](const std::string& block_id) {
        auto it = outputs.find(block_id);
        return it == outputs.end() ? nullptr : &it->second->output.tables;
    };

    std::optional<std::string> failure;
    try {
        const auto log = datasets_.get(plan.tenant_id, plan.dataset);
        auto state = std::make_shared<const CachedBlockOutput>(
            CachedBlockOutput{mining::AnalysisState(eventlog::LogView(log)), {}, 0, 0, 0});
        std::string above = fmt::format("dataset\n{}\n{}", plan.dataset.id, plan.dataset.version);
        for (size_t i = 0; i < plan.blocks.size(); ++i) {
            const auto& block = plan.blocks[i];
            // A selector starts from its calculator; a chain block from the block above it.
            std::shared_ptr<const CachedBlockOutput> input = state;
            std::string input_key = above;
            if (block.is_dashboard_block && block.parent_id && outputs.contains(*block.parent_id)) {
                input = outputs.at(*block.parent_id);
                input_key = keys.at(*block.parent_id);
            }
            const auto key = chain_key(input_key, block, parameters, minute);
            const auto block_started = now_iso8601();
            std::string status = "Success";
            auto cached = block.is_disabled ? nullptr : cache_.find(key);
            const bool from_cache = cached != nullptr;
            if (block.is_disabled) {
                status = "Skipped";
                cached = std::make_shared<const CachedBlockOutput>(
                    CachedBlockOutput{input->state,
                                      {},
                                      input->state.view.case_count(),
                                      input->state.view.event_count(),
                                      0});
            } else if (!cached) {
                const auto t0 = std::chrono::steady_clock::now();
                try {
                    auto output = mining::run_operator(block.operator_name, block.configuration,
                                                       input->state, context, plan.parameters);
                    auto next = output.state ? *output.state : input->state;
                    const double ms = std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - t0)
                                          .count();
                    auto tables = serialise_tables(output.tables);
                    cached = std::make_shared<const CachedBlockOutput>(CachedBlockOutput{
                        std::move(next), std::move(output), input->state.view.case_count(),
                        input->state.view.event_count(), ms, std::move(tables)});
                    cache_.put(key, cached);
                } catch (const std::exception& error) {
                    failure = fmt::format(
                        "Block '{}' ({}) failed: {}", block.name,
                        block.operator_name.empty() ? block.block_type : block.operator_name,
                        error.what());
                    const auto ended = now_iso8601();
                    store_.executions().insert_result(
                        {execution.id, block.id, static_cast<int64_t>(i), "Failed", failure,
                         block_started, ended,
                         envelope(block, execution.id, "Failed", failure, nullptr, false)});
                    store_.blocks().record_execution(block.id, ended, "Failed");
                    break;
                }
            }
            const auto ended = now_iso8601();
            store_.executions().insert_result(
                {execution.id, block.id, static_cast<int64_t>(i), status, std::nullopt,
                 block_started, ended,
                 envelope(block, execution.id, status, std::nullopt, cached.get(), from_cache)});
            store_.blocks().record_execution(block.id, ended, status);
            outputs[block.id] = cached;
            keys[block.id] = key;
            if (!block.is_dashboard_block) {
                state = cached;
                above = key;
            }
            execution.blocks_done = static_cast<int64_t>(i + 1);
            store_.executions().update(execution);
        }
    } catch (const std::exception& error) {
        failure = fmt::format("The execution could not start: {}", error.what());
    }
    execution.status = failure ? kFailed : (execution.block_id ? kSucceeded : kCompleted);
    execution.error_message = failure;
    execution.date_ended = now_iso8601();
    store_.executions().update(execution);
    store_.executions().prune(execution.notebook_id, kKeptExecutions);
    if (!execution.block_id) {
        store_.notebooks().record_execution_duration(
            execution.notebook_id,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    if (failure) spdlog::info("execution {} failed: {}", execution.id, *failure);
}

}  // namespace pmstudio::services
