#pragma once

#include "storage/project_thumbnail_repository.h"
#include "storage/sqlite_database.h"

namespace pmstudio::storage {

class SqliteProjectThumbnailRepository final : public ProjectThumbnailRepository {
public:
    explicit SqliteProjectThumbnailRepository(SqliteDatabase& database) : db_(database) {}

    std::optional<Thumbnail> find(const std::string& project_id) override;
    void put(const std::string& project_id, const Thumbnail& thumbnail) override;
    bool remove(const std::string& project_id) override;

private:
    SqliteDatabase& db_;
};

}  // namespace pmstudio::storage
