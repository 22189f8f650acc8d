#include "api/block_controller.h"

#include <fmt/format.h>

#include "api/analysis_json.h"
#include "api/json_body.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

constexpr const char* kNotebookBlocks = "/api/{tenantId}/{projectId}/notebook/{notebookId}/blocks";
constexpr const char* kBlock = "/api/{tenantId}/{projectId}/block";

struct TypedBlockRoute {
    const char* suffix;
    const char* block_type;
};

constexpr TypedBlockRoute kTypedBlockRoutes[] = {
    {"filter", "Filter"}, {"calculator", "Calculator"}, {"alert", "Alert"}};

void add_notebook_block_routes(Router& router, services::BlockService& blocks) {
    router.add({.method = "GET",
                .pattern = kNotebookBlocks,
                .tag = "Notebook",
                .summary = "List a notebook's blocks: the chain in execution order, then its "
                           "dashboard selector blocks",
                .responses = {{200, "{notebookId, blocks, totalCount}"},
                              {404, "Project or notebook not found"}}},
               [&blocks](Request& request) {
                   const auto& notebook_id = request.param("notebookId");
                   const auto listed = blocks.list(request.param("tenantId"),
                                                   request.param("projectId"), notebook_id);
                   Json items = Json::array();
                   for (const auto& block : listed.chain) items.push_back(block_json(block));
                   for (const auto& block : listed.dashboard_blocks) {
                       items.push_back(block_json(block));
                   }
                   const auto count = items.size();
                   return Response::json(200, Json{{"notebookId", notebook_id},
                                                   {"blocks", std::move(items)},
                                                   {"totalCount", count}});
               });
    router.add({.method = "POST",
                .pattern = kNotebookBlocks,
                .tag = "Notebook",
                .summary = "Create a block (configuration checked against the operator registry)",
                .has_json_body = true,
                .responses = {{201, "Block"},
                              {400, "Unknown operator, bad setting or insertAfterBlockId"},
                              {404, "Project or notebook not found"}}},
               [&blocks](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   services::BlockInput input{body.string("blockType"),
                                              body.string("operatorName"),
                                              body.string("name"),
                                              body.string("description"),
                                              body.json_text("configuration"),
                                              body.guid("insertAfterBlockId"),
                                              std::nullopt};
                   if (auto active = body.boolean("isActive")) input.is_disabled = !*active;
                   return Response::json(
                       201, block_json(blocks.create(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("notebookId"), input)));
               });
    router.add({.method = "GET",
                .pattern = std::string(kNotebookBlocks) + "/order",
                .tag = "Notebook",
                .summary = "The execution order of a notebook's blocks",
                .responses = {{200, "{notebookId, blockCount, blockOrder}"},
                              {404, "Project or notebook not found"}}},
               [&blocks](Request& request) {
                   const auto& notebook_id = request.param("notebookId");
                   return Response::json(
                       200, block_order_json(notebook_id, blocks.order(request.param("tenantId"),
                                                                       request.param("projectId"),
                                                                       notebook_id)));
               });
    router.add({.method = "PUT",
                .pattern = std::string(kNotebookBlocks) + "/order",
                .tag = "Notebook",
                .summary = "Reorder the chain; parent links are rewritten to follow the order",
                .has_json_body = true,
                .responses = {{200, "{notebookId, blockCount, blockOrder}"},
                              {400, "blockIds is not the notebook's chain in some order"},
                              {404, "Project or notebook not found"}}},
               [&blocks](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   const auto ids = body.guid_list("blockIds");
                   if (!ids) throw ServiceError::validation({"blockIds is required"});
                   const auto& notebook_id = request.param("notebookId");
                   return Response::json(
                       200, block_order_json(notebook_id, blocks.reorder(request.param("tenantId"),
                                                                         request.param("projectId"),
                                                                         notebook_id, *ids)));
               });
}

void add_block_routes(Router& router, services::BlockService& blocks) {
    const std::string one = std::string(kBlock) + "/{blockId}";
    router.add({.method = "GET",
                .pattern = one,
                .tag = "Block",
                .summary = "Get a block",
                .responses = {{200, "Block"}, {404, "Block not found"}}},
               [&blocks](Request& request) {
                   return Response::json(200,
                                         block_detail_json(blocks.get(request.param("tenantId"),
                                                                      request.param("projectId"),
                                                                      request.param("blockId"))));
               });
    router.add({.method = "PUT",
                .pattern = one,
                .tag = "Block",
                .summary = "Update a block: blockTitle, blockDescription, isDisabled (and, as a "
                           "pmstudio addition, operatorName and configuration)",
                .has_json_body = true,
                .responses = {{200, "Block"},
                              {400, "Failed to update block. (plain text naming the problem)"},
                              {404, "Block not found"}}},
               [&blocks](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   services::BlockInput input{
                       body.string("blockType"),        body.string("operatorName"),
                       body.string("blockTitle"),       body.string("blockDescription"),
                       body.json_text("configuration"), std::nullopt,
                       body.boolean("isDisabled")};
                   return Response::json(
                       200, block_detail_json(blocks.update(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("blockId"), input)));
               });
    router.add({.method = "DELETE",
                .pattern = one,
                .tag = "Block",
                .summary = "Delete a block (and the dashboard blocks showing it); the chain closes "
                           "over the gap",
                .responses = {{204, "Deleted"}, {404, "Block not found"}}},
               [&blocks](Request& request) {
                   blocks.remove(request.param("tenantId"), request.param("projectId"),
                                 request.param("blockId"));
                   return Response::no_content();
               });
    for (const auto& route : kTypedBlockRoutes) {
        router.add(
            {.method = "POST",
             .pattern = fmt::format("{}/{}", kBlock, route.suffix),
             .tag = "Block",
             .summary = fmt::format("Create a {} block at the end of a notebook (operatorName "
                                    "and configuration optional)",
                                    route.block_type),
             .has_json_body = true,
             .responses = {{201, "Block"},
                           {400, "Validation failed"},
                           {404, "Project or notebook not found"}}},
            [&blocks, type = route.block_type](Request& request) {
                const auto body = JsonBody::parse(request.body);
                services::BlockInput input{std::nullopt,
                                           body.string("operatorName"),
                                           body.string("blockTitle"),
                                           body.string("blockDescription"),
                                           body.json_text("configuration"),
                                           body.guid("insertAfterBlockId"),
                                           std::nullopt};
                return Response::json(
                    201, block_detail_json(blocks.create_typed(
                             request.authenticated_caller(), request.param("tenantId"),
                             request.param("projectId"), type, body.guid("notebookId"), input)));
            });
    }
}

}  // namespace

void register_block_routes(Router& router, services::BlockService& blocks) {
    add_notebook_block_routes(router, blocks);
    add_block_routes(router, blocks);
    router.add({.method = "GET",
                .pattern = "/api/tenant/{tenantId}/project/{projectId}/block/types/all",
                .tag = "Block",
                .summary = "Every registered operator with its block type, settings schema and "
                           "result shape",
                .responses = {{200, "{blockTypes, operators, enumerations, ...}"},
                              {404, "Project not found"}}},
               [&blocks](Request& request) {
                   return Response::json(200, blocks.block_types(request.param("tenantId"),
                                                                 request.param("projectId")));
               });
}

}  // namespace pmstudio::api
