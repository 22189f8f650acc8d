#pragma once

#include "storage/sqlite_database.h"

namespace pmstudio::storage {

// Brings the schema up to the newest version, one transaction per migration; a migration that
// fails leaves the database at the previous version. Returns the resulting schema version.
int apply_migrations(SqliteDatabase& database);

}  // namespace pmstudio::storage
