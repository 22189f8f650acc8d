#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "eventlog/event_log.h"
#include "importers/mcl_project.h"
#include "importers/mpz_archive.h"

namespace pmstudio::services {

// A dataset of a package whose data cannot be used; the import reports it as a warning and goes
// on without the dataset (and what depends on it).
class UnreadableDataset : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The member holding a dataset's data: its DataFile, else datasets/<DatasetId>.pmslog or .mzz,
// whichever the package has. UnreadableDataset when there is none.
std::string dataset_member(const importers::MpzArchive& archive,
                           const importers::McDataset& dataset);

// Reads the dataset's data, pmstudio's binary format (.pmslog) or a mindzieStudio dataset (.mzz,
// read strictly), extracting it to `scratch` first (removed afterwards). UnreadableDataset names
// the member and the problem with its byte offset, e.g. "datasets/<id>.mzz: mzz offset 0x0A60:
// expected column record tag 8, found 7".
eventlog::EventLog read_package_dataset(const importers::MpzArchive& archive,
                                        const importers::McDataset& dataset,
                                        const std::filesystem::path& scratch);

}  // namespace pmstudio::services
