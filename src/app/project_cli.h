#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pmstudio::app {

struct ProjectTransferOptions {
    std::filesystem::path data_dir = ".pmstudio-data";
    std::string tenant_id;
    std::string project_id;                      // export
    std::filesystem::path file;                  // export: the output; import: the package
    std::optional<std::string> duplicate_check;  // import
    std::vector<std::string> overwrite_types;    // import
};

// `pmstudio project export|import`: project packages (.mpz) straight from and into a data
// directory's store, for backups (docs/project-transfer.md). They may run while a server uses the
// same directory (SQLite serialises the writes); a server must not be started while an import
// runs, because its start-up sweep removes dataset files no row refers to yet. Import prints the
// API's JSON answer. Return the process exit code.
int project_export(const ProjectTransferOptions& options);
int project_import(const ProjectTransferOptions& options);

}  // namespace pmstudio::app
