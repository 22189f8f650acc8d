#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct NotebookRecord {
    std::string id;
    std::string investigation_id;
    std::string name;
    std::string description;
    int64_t notebook_type = 0;  // 0 standard, 1 template-based, 2 base knowledge
    double notebook_order = 0;
    bool is_main = false;
    double last_execution_duration = 0;      // seconds
    std::string settings = "[]";             // the MCL Settings of the template it came from
    std::optional<std::string> template_id;  // the template it was made from, while it exists
    std::string created_by;
    std::optional<std::string> modified_by;  // null until the first update
    std::string date_created;
    std::string date_modified;
    int64_t block_count = 0;  // read only: all its blocks, computed by the queries
};

class NotebookRepository {
public:
    virtual ~NotebookRepository() = default;

    // Throws UniqueConstraintError when the investigation has a notebook of that name.
    virtual void insert(const NotebookRecord& notebook) = 0;
    // The notebook when it belongs to an investigation of that project.
    virtual std::optional<NotebookRecord> find(const std::string& project_id,
                                               const std::string& notebook_id) = 0;
    // Ordered by notebook_order, then creation date.
    virtual std::vector<NotebookRecord> list(const std::string& investigation_id) = 0;
    virtual std::optional<NotebookRecord> find_main(const std::string& investigation_id) = 0;
    // Throws UniqueConstraintError on a name clash.
    virtual void update(const NotebookRecord& notebook) = 0;
    virtual bool remove(const std::string& notebook_id) = 0;
    virtual double next_order(const std::string& investigation_id) = 0;
    virtual void record_execution_duration(const std::string& notebook_id, double seconds) = 0;
    virtual bool name_taken(const std::string& investigation_id, const std::string& name) = 0;
};

}  // namespace pmstudio::storage
