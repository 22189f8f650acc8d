#include "importers/csv_reader.h"

#include <fmt/format.h>

#include "importers/csv_table_source.h"
#include "importers/table_importer.h"

namespace pmstudio::importers {

eventlog::EventLog read_csv(const std::filesystem::path& file, const ImportOptions& options,
                            ImportReport& report) {
    CsvTableSource source(file, options.delimiter, options.encoding);
    auto log = import_table(source, options, report, "CSV", "csv");
    if (source.overlong_rows() > 0) {
        report.warn(
            fmt::format("{} rows had more fields than the header; the extra fields were "
                        "ignored",
                        source.overlong_rows()));
    }
    return log;
}

}  // namespace pmstudio::importers
