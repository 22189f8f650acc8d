#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventlog/event_log.h"
#include "eventlog/value_type.h"
#include "importers/import_options.h"
#include "importers/import_report.h"
#include "importers/table_source.h"

namespace pmstudio::importers {

struct ColumnPreview {
    std::string name;
    eventlog::ValueType type;
    std::optional<std::string> date_format;  // for datetime columns: the pattern most values use
    int64_t non_empty = 0;
    std::vector<std::string> examples;  // up to 3 distinct values
};

struct TablePreview {
    std::vector<ColumnPreview> columns;
    ColumnMapping suggested;  // guessed from names and types; roles left empty when unsure
    int64_t rows_scanned = 0;
    // The first rows imported with the options' mapping (or the suggestion when the options name
    // none); empty when no complete mapping is known.
    std::optional<eventlog::EventLog> log;
    ImportReport report;
};

// Reads up to `max_rows` rows of a table and describes it without storing anything: column types
// (as the import would decide them) and date formats under the culture, a suggested mapping, and
// the rows imported with the mapping and their row issues.
TablePreview preview_table(TableSource& source, const ImportOptions& options, int64_t max_rows);

}  // namespace pmstudio::importers
