#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::storage {

struct ProjectRecord {
    std::string id;
    std::string tenant_id;
    std::string name;
    std::string description;
    bool is_active = true;
    std::string created_by;
    std::string modified_by;
    std::string date_created;
    std::string date_modified;
};

// Number of live child objects of a project.
struct ProjectCounts {
    int64_t datasets = 0;
    int64_t investigations = 0;
    int64_t notebooks = 0;
    int64_t dashboards = 0;
    int64_t users = 0;
};

// Every lookup is scoped by tenant: a project id from another tenant is simply not found.
class ProjectRepository {
public:
    virtual ~ProjectRepository() = default;

    virtual void insert(const ProjectRecord& project) = 0;
    virtual std::optional<ProjectRecord> find(const std::string& tenant_id,
                                              const std::string& project_id) = 0;
    // Ordered by creation date, then id.
    virtual std::vector<ProjectRecord> list(const std::string& tenant_id, int64_t offset,
                                            int64_t limit) = 0;
    virtual int64_t count(const std::string& tenant_id) = 0;
    virtual ProjectCounts counts(const std::string& project_id) = 0;
    virtual void update(const ProjectRecord& project) = 0;
    // Deletes the project and, by cascade, everything it owns. False when it did not exist.
    virtual bool remove(const std::string& tenant_id, const std::string& project_id) = 0;
};

}  // namespace pmstudio::storage
