#include "api/execution_controller.h"

#include <fmt/format.h>

#include "api/json_body.h"
#include "api/process_map_response.h"
#include "common/service_error.h"
#include "mining/result_table.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBlock = "/api/{tenantId}/{projectId}/block/{blockId}";
constexpr const char* kExecution = "/api/{tenantId}/{projectId}/execution";
constexpr const char* kNotLoaded = "Project not loaded into the cache (a JSON string)";

std::map<std::string, mining::Json> parameters_of(const Request& request) {
    const auto body = JsonBody::parse(request.body, true);
    std::map<std::string, mining::Json> parameters;
    if (auto given = body.object("parameters")) {
        for (const auto& [name, value] : given->items()) parameters.emplace(name, value);
    }
    return parameters;
}

Json parse_envelope(const std::string& text) {
    return Json::parse(text);
}

// A 200 answer whose body is JSON text that is already serialised (stored result envelopes).
Response stored_json(std::string body) {
    Response response;
    response.body = std::move(body);
    return response;
}

// One table of a result envelope as CSV: ?table= by index (default 0) or by name.
Response table_csv_response(const Json& envelope, const Request& request) {
    const auto& tables = envelope.at("tables");
    const auto wanted = request.query_param("table").value_or("0");
    const Json* chosen = nullptr;
    for (size_t i = 0; i < tables.size() && chosen == nullptr; ++i) {
        if (wanted == std::to_string(i) || tables[i].at("name") == wanted) chosen = &tables[i];
    }
    if (chosen == nullptr) {
        throw ServiceError::validation({fmt::format(
            "Query parameter 'table' names no table of this result (it has {})", tables.size())});
    }
    mining::ResultTable table{.name = chosen->at("name").get<std::string>()};
    for (const auto& column : chosen->at("columns")) {
        table.column(column.at("name").get<std::string>(), column.at("type").get<std::string>());
    }
    for (const auto& row : chosen->at("rows")) table.add_row(row);
    Response response = Response::text(200, mining::table_csv(table));
    response.content_type = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition",
                                  fmt::format("attachment; filename=\"{}.csv\"", table.name));
    return response;
}

bool csv_requested(const Request& request) {
    const auto format = request.query_param("format").value_or("json");
    if (format == "csv") return true;
    if (format == "json") return false;
    throw ServiceError::validation(
        {fmt::format("Query parameter 'format' must be json or csv, got '{}'", format)});
}

Json execution_json(const storage::ExecutionRecord& e) {
    return Json{{"notebookId", e.notebook_id},
                {"executionId", e.id},
                {"status", e.status},
                {"dateQueued", e.date_queued},
                {"dateStarted", optional_json(e.date_started)},
                {"dateEnded", optional_json(e.date_ended)},
                {"errorMessage", optional_json(e.error_message)}};
}

void add_block_routes(Router& router, services::ExecutionService& executions) {
    router.add({.method = "POST",
                .pattern = std::string(kBlock) + "/execute",
                .tag = "Block",
                .summary = "Queue the block (with the chain above it) for execution; optional "
                           "{parameters} override settings of the same name",
                .has_json_body = true,
                .responses = {{202, "{blockId, executionId, status: Queued, dateQueued, ...}"},
                              {400, "Bad parameters"},
                              {404, "Block not found"}}},
               [&executions](Request& request) {
                   const auto& block_id = request.param("blockId");
                   const auto queued = executions.execute_block(request.param("tenantId"),
                                                                request.param("projectId"),
                                                                block_id, parameters_of(request));
                   return Response::json(202, Json{{"blockId", block_id},
                                                   {"executionId", queued.id},
                                                   {"status", queued.status},
                                                   {"dateQueued", queued.date_queued},
                                                   {"dateStarted", nullptr},
                                                   {"dateEnded", nullptr},
                                                   {"result", nullptr},
                                                   {"errorMessage", nullptr},
                                                   {"message", "Block execution has been queued"}});
               });
    router.add(
        {.method = "GET",
         .pattern = std::string(kBlock) + "/results",
         .tag = "Block",
         .summary = "The block's execution history, newest first",
         .responses = {{200, "{blockId, executions, totalCount}"}, {404, "Block not found"}}},
        [&executions](Request& request) {
            const auto& block_id = request.param("blockId");
            Json items = Json::array();
            for (const auto& result : executions.block_history(
                     request.param("tenantId"), request.param("projectId"), block_id)) {
                items.push_back(Json{{"executionId", result.execution_id},
                                     {"status", result.status},
                                     {"dateStarted", result.date_started},
                                     {"dateEnded", result.date_ended},
                                     {"errorMessage", optional_json(result.error_message)}});
            }
            const auto count = items.size();
            return Response::json(200, Json{{"blockId", block_id},
                                            {"executions", std::move(items)},
                                            {"totalCount", count}});
        });
    router.add({.method = "GET",
                .pattern = std::string(kBlock) + "/output-data",
                .tag = "Block",
                .summary = "The block's latest result envelope (?format=csv&table=N for one table)",
                .responses = {{200, "Result envelope, or CSV"},
                              {400, "Unknown format or table"},
                              {404, "Block not found, or never executed"}}},
               [&executions](Request& request) {
                   const bool csv = csv_requested(request);
                   const auto output = executions.block_output(request.param("tenantId"),
                                                               request.param("projectId"),
                                                               request.param("blockId"));
                   if (csv) return table_csv_response(parse_envelope(output.envelope), request);
                   return stored_json(output.envelope);
               });
}

void add_notebook_routes(Router& router, services::ExecutionService& executions) {
    router.add(
        {.method = "POST",
         .pattern = std::string(kExecution) + "/notebook/{notebookId}",
         .tag = "Execution",
         .summary = "Queue every block of the notebook (requires the project loaded)",
         .has_json_body = true,
         .responses = {{202, "{notebookId, executionId, status: Queued, dateQueued, message}"},
                       {404, kNotLoaded},
                       {404, "Notebook not found"}}},
        [&executions](Request& request) {
            const auto queued =
                executions.execute_notebook(request.param("tenantId"), request.param("projectId"),
                                            request.param("notebookId"), parameters_of(request));
            auto body = execution_json(queued);
            body["message"] = "Notebook execution has been queued";
            return Response::json(202, body);
        });
    router.add(
        {.method = "GET",
         .pattern = std::string(kExecution) + "/notebook/{notebookId}/results",
         .tag = "Execution",
         .summary = "The latest notebook execution with every block's result (requires the "
                    "project loaded; ?format=csv&blockId=&table= for one table)",
         .responses = {{200, "{notebookId, executionId, status, dateStarted, dateEnded, blocks}"},
                       {400, "Unknown format, block or table"},
                       {404, kNotLoaded},
                       {404, "Notebook not found or never executed"}}},
        [&executions](Request& request) {
            const bool csv = csv_requested(request);
            const auto found =
                executions.notebook_execution(request.param("tenantId"), request.param("projectId"),
                                              request.param("notebookId"), true);
            if (csv) {
                const auto wanted = request.query_param("blockId").value_or("");
                for (const auto& result : found.results) {
                    if (result.block_id == wanted) {
                        return table_csv_response(parse_envelope(result.envelope), request);
                    }
                }
                throw ServiceError::validation(
                    {"format=csv needs blockId: a block with a result in this execution"});
            }
            // The stored envelopes are spliced in as they are: no parse and re-serialise.
            std::string body = execution_json(found.execution).dump();
            body.pop_back();
            body += R"(,"blocks":[)";
            for (size_t i = 0; i < found.results.size(); ++i) {
                if (i > 0) body += ',';
                body += found.results[i].envelope;
            }
            body += "]}";
            return stored_json(std::move(body));
        });
    router.add({.method = "GET",
                .pattern = std::string(kExecution) + "/status/{notebookId}",
                .tag = "Execution",
                .summary = "Status and progress of the notebook's latest execution (requires the "
                           "project loaded)",
                .responses = {{200, "{notebookId, executionId, status, progress, ...}"},
                              {404, kNotLoaded},
                              {404, "Notebook not found or never executed"}}},
               [&executions](Request& request) {
                   const auto found = executions.notebook_execution(
                       request.param("tenantId"), request.param("projectId"),
                       request.param("notebookId"), false);
                   const auto& e = found.execution;
                   auto body = execution_json(e);
                   body["progress"] = e.blocks_total == 0
                                          ? (e.date_ended ? 100 : 0)
                                          : static_cast<int>(100 * e.blocks_done / e.blocks_total);
                   body["blocksTotal"] = e.blocks_total;
                   body["blocksCompleted"] = e.blocks_done;
                   return Response::json(200, body);
               });
}

}  // namespace

void register_execution_routes(Router& router, services::ExecutionService& executions) {
    add_block_routes(router, executions);
    add_notebook_routes(router, executions);
    router.add({.method = "GET",
                .pattern = std::string(kBlock) + "/process-map.svg",
                .tag = "Block",
                .summary = "A process map block's latest result laid out by Graphviz as SVG "
                           "(?label=count|duration; pmstudio addition)",
                .responses = {{200, "image/svg+xml"},
                              {400, "Unknown label, or the block is no process map"},
                              {404, "Block not found, or never executed"}}},
               [&executions](Request& request) {
                   const auto label = edge_label(request);
                   const auto output = executions.block_output(request.param("tenantId"),
                                                               request.param("projectId"),
                                                               request.param("blockId"));
                   return process_map_svg_response(output.envelope, label);
               });
}

}  // namespace pmstudio::api
