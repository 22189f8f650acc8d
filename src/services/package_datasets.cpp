#include "services/package_datasets.h"

#include <fmt/format.h>

#include "common/scoped_file.h"
#include "common/text.h"
#include "eventlog/binary_format.h"
#include "importers/import_report.h"
#include "importers/mzz_reader.h"
#include "services/package_layout.h"

namespace pmstudio::services {

std::string dataset_member(const importers::MpzArchive& archive,
                           const importers::McDataset& dataset) {
    if (dataset.data_file) {
        if (!archive.contains(*dataset.data_file)) {
            throw UnreadableDataset(
                fmt::format("its DataFile '{}' is not in the package", *dataset.data_file));
        }
        return *dataset.data_file;
    }
    for (const auto extension :
         {package_layout::kOwnDatasetExtension, package_layout::kMindzieDatasetExtension}) {
        auto member = package_layout::dataset_member(dataset.id, extension);
        if (archive.contains(member)) return member;
    }
    throw UnreadableDataset(fmt::format("the package has no datasets/{}{} or datasets/{}{}",
                                        dataset.id, package_layout::kOwnDatasetExtension,
                                        dataset.id, package_layout::kMindzieDatasetExtension));
}

eventlog::EventLog read_package_dataset(const importers::MpzArchive& archive,
                                        const importers::McDataset& dataset,
                                        const std::filesystem::path& scratch) {
    const std::string member = dataset_member(archive, dataset);
    const bool mindzie = iequals(std::filesystem::path(member).extension().string(),
                                 package_layout::kMindzieDatasetExtension);
    if (!mindzie && !iequals(std::filesystem::path(member).extension().string(),
                             package_layout::kOwnDatasetExtension)) {
        throw UnreadableDataset(fmt::format("{}: unknown data file type (expected {} or {})",
                                            member, package_layout::kOwnDatasetExtension,
                                            package_layout::kMindzieDatasetExtension));
    }
    const ScopedFile extracted(scratch);
    archive.extract(member, extracted.path());
    try {
        return mindzie ? importers::read_mzz(extracted.path())
                       : eventlog::read_event_log_file(extracted.path());
    } catch (const eventlog::FormatError& error) {
        throw UnreadableDataset(fmt::format("{}: {}", member, error.what()));
    } catch (const importers::MzzFormatError& error) {
        throw UnreadableDataset(fmt::format("{}: {}", member, error.what()));
    } catch (const importers::ImportError& error) {
        throw UnreadableDataset(fmt::format("{}: {}", member, error.what()));
    }
}

}  // namespace pmstudio::services
