#include "services/block_chain.h"

namespace pmstudio::services {

std::vector<storage::BlockLink> chain_links(const std::vector<std::string>& block_ids) {
    std::vector<storage::BlockLink> links;
    links.reserve(block_ids.size());
    for (size_t i = 0; i < block_ids.size(); ++i) {
        links.push_back({block_ids[i],
                         i == 0 ? std::nullopt : std::optional<std::string>(block_ids[i - 1]),
                         static_cast<int64_t>(i)});
    }
    return links;
}

std::vector<std::string> block_ids(const std::vector<storage::BlockRecord>& blocks) {
    std::vector<std::string> ids;
    ids.reserve(blocks.size());
    for (const auto& block : blocks) ids.push_back(block.id);
    return ids;
}

}  // namespace pmstudio::services
