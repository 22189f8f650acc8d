#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct BlockRecord {
    std::string id;
    std::string notebook_id;
    std::string block_type;  // Filter, Calculator, Selector, Enrichment, Alert, ...
    std::string operator_name;
    std::string name;
    std::string description;
    std::optional<std::string> parent_id;
    int64_t position = 0;  // index in the chain, or among the dashboard blocks
    bool is_dashboard_block = false;
    std::string configuration = "{}";  // the settings JSON, as given
    bool is_disabled = false;
    std::string mcl_extra = "{}";  // MCL fields kept for export (AutoTitle, DisplaySettings, ...)
    std::string created_by;
    std::string modified_by;
    std::string date_created;
    std::string date_modified;
    std::optional<std::string> last_execution_date;
    std::optional<std::string> last_execution_status;
    int64_t execution_count = 0;
};

// A block's place: its parent and position. Rewritten for a whole chain at once.
struct BlockLink {
    std::string block_id;
    std::optional<std::string> parent_id;
    int64_t position = 0;
};

class BlockRepository {
public:
    virtual ~BlockRepository() = default;

    virtual void insert(const BlockRecord& block) = 0;
    // The block when its notebook belongs to that project.
    virtual std::optional<BlockRecord> find(const std::string& project_id,
                                            const std::string& block_id) = 0;
    // The notebook's chain (or its dashboard blocks), by position.
    virtual std::vector<BlockRecord> list(const std::string& notebook_id,
                                          bool dashboard_blocks) = 0;
    virtual void update(const BlockRecord& block) = 0;
    virtual void save_links(const std::vector<BlockLink>& links) = 0;
    virtual bool remove(const std::string& block_id) = 0;
    // Records one finished execution of the block: last date and status, count + 1.
    virtual void record_execution(const std::string& block_id, const std::string& date,
                                  const std::string& status) = 0;
};

}  // namespace pmstudio::storage
