#pragma once

#include <nlohmann/json.hpp>

#include "importers/import_options.h"

namespace pmstudio::api {

// Applies the reference's column-mapping document to import options:
//   {"mapping": [{"sourceColumn", "targetColumn" (CaseID, Activity, Timestamp, Resource,
//                  StartTime — any case, or a "role": case_id/activity/timestamp/resource/
//                  start_time), "dataType", "format", "required"}],
//    "options": {"hasHeader", "delimiter", "encoding", "skipRows"}}
// Entries whose target is not one of those roles are ignored. Malformed documents are an
// ImportError 400; options pmstudio does not support (hasHeader false, skipRows > 0) are 422.
void apply_column_mapping(const nlohmann::json& document, importers::ImportOptions& options);

}  // namespace pmstudio::api
