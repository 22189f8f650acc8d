#pragma once

#include <string>
#include <vector>

#include "api/response.h"
#include "storage/store.h"

namespace pmstudio::api {

// The documented JSON shapes of investigations, notebooks and blocks.
Json investigation_json(const storage::InvestigationRecord& investigation);
Json notebook_json(const storage::NotebookRecord& notebook);
// A block as the Notebook API lists it (name, order, isActive, ...).
Json block_json(const storage::BlockRecord& block);
// A block as GET /block/{blockId} shows it (blockTitle, blockOrder, isDisabled, executions, ...).
Json block_detail_json(const storage::BlockRecord& block);
// {notebookId, blockCount, blockOrder: [{blockId, parentId, position}]}, positions from 1.
Json block_order_json(const std::string& notebook_id,
                      const std::vector<storage::BlockRecord>& chain);

}  // namespace pmstudio::api
