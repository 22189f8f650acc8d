#pragma once

#include <string>
#include <vector>

#include "storage/block_repository.h"

namespace pmstudio::services {

// The links of a notebook chain in the given order: position i, parent = the block before it
// (none for the first), so the chain is always one valid sequence.
std::vector<storage::BlockLink> chain_links(const std::vector<std::string>& block_ids);

// The ids of `blocks`, in order.
std::vector<std::string> block_ids(const std::vector<storage::BlockRecord>& blocks);

}  // namespace pmstudio::services
