#pragma once

#include <string>

#include "storage/store.h"

namespace pmstudio::services {

// Inserts the notebook and its own dashboard (every notebook has one, as in MCL exports). A name
// the investigation already uses is the documented 400 {"Error": "Failed to create notebook. The
// name may already exist in this investigation."}. Runs inside the caller's transaction.
void insert_notebook(storage::Store& store, const storage::NotebookRecord& notebook,
                     const std::string& project_id);

}  // namespace pmstudio::services
