#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct InvestigationRecord {
    std::string id;
    std::string project_id;
    std::string dataset_id;
    std::string name;
    std::string description;
    double investigation_order = 0;
    bool is_used_for_operation_center = false;
    std::optional<std::string> folder_id;
    std::string created_by;
    std::string modified_by;
    std::string date_created;
    std::string date_modified;
    int64_t notebook_count = 0;  // read only: computed by the queries
};

class InvestigationRepository {
public:
    virtual ~InvestigationRepository() = default;

    virtual void insert(const InvestigationRecord& investigation) = 0;
    virtual std::optional<InvestigationRecord> find(const std::string& project_id,
                                                    const std::string& investigation_id) = 0;
    // Ordered by investigation_order, then creation date.
    virtual std::vector<InvestigationRecord> list(const std::string& project_id, int64_t offset,
                                                  int64_t limit) = 0;
    virtual int64_t count(const std::string& project_id) = 0;
    virtual void update(const InvestigationRecord& investigation) = 0;
    // Removes the investigation and, by cascade, its notebooks, blocks and dashboards.
    virtual bool remove(const std::string& project_id, const std::string& investigation_id) = 0;
    // One more than the highest order in the project (1 for the first investigation).
    virtual double next_order(const std::string& project_id) = 0;
    virtual int64_t count_using_dataset(const std::string& dataset_id) = 0;
};

}  // namespace pmstudio::storage
