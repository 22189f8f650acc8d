#include "storage/sqlite_project_thumbnail_repository.h"

namespace pmstudio::storage {

std::optional<Thumbnail> SqliteProjectThumbnailRepository::find(const std::string& project_id) {
    auto stmt = db_.connection().prepare(
        "SELECT mime_type, image FROM project_thumbnails WHERE project_id = ?");
    stmt.bind(1, project_id);
    if (!stmt.step()) return std::nullopt;
    return Thumbnail{stmt.text(0), stmt.blob(1)};
}

void SqliteProjectThumbnailRepository::put(const std::string& project_id,
                                           const Thumbnail& thumbnail) {
    db_.connection()
        .prepare(
            "INSERT INTO project_thumbnails (project_id, mime_type, image) VALUES (?, ?, ?) "
            "ON CONFLICT(project_id) DO UPDATE SET mime_type = excluded.mime_type, "
            "image = excluded.image")
        .bind(1, project_id)
        .bind(2, thumbnail.mime_type)
        .bind_blob(3, thumbnail.image)
        .execute();
}

bool SqliteProjectThumbnailRepository::remove(const std::string& project_id) {
    return db_.connection()
               .prepare("DELETE FROM project_thumbnails WHERE project_id = ?")
               .bind(1, project_id)
               .execute() > 0;
}

}  // namespace pmstudio::storage
