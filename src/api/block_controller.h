#pragma once

#include "api/router.h"
#include "services/block_service.h"

namespace pmstudio::api {

// Blocks: the Notebook API's block routes (list, create, order, reorder), the Block API (get,
// update, delete; /block/filter, /block/calculator, /block/alert) and block-type discovery.
void register_block_routes(Router& router, services::BlockService& blocks);

}  // namespace pmstudio::api
