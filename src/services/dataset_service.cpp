#include "services/dataset_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/clock.h"
#include "common/guid.h"
#include "common/service_error.h"
#include "common/text.h"
#include "eventlog/binary_format.h"
#include "services/project_lookup.h"
#include "services/tenant_service.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

using importers::ImportError;

constexpr size_t kMaxDatasetNameLength = 255;
constexpr size_t kMaxDatasetDescriptionLength = 1000;

DatasetImportOutcome outcome_of(const storage::DatasetRecord& dataset,
                                const importers::ImportReport& report,
                                const eventlog::EventLog& log) {
    DatasetImportOutcome outcome;
    outcome.activity_count = static_cast<int64_t>(log.activities.size());
    if (!log.timestamp.empty()) {
        const auto [first, last] = std::minmax_element(log.timestamp.begin(), log.timestamp.end());
        outcome.first_timestamp = *first;
        outcome.last_timestamp = *last;
    }
    outcome.dataset = dataset;
    outcome.case_count = dataset.case_count;
    outcome.event_count = dataset.event_count;
    outcome.invalid_value_count = report.invalid_values();
    outcome.skipped_rows_count = report.skipped_rows();
    outcome.warnings = report.warnings();
    outcome.row_issues = report.issues();
    return outcome;
}

void require_mapping(const importers::ImportOptions& options, importers::LogFormat format) {
    if (format != importers::LogFormat::Csv && format != importers::LogFormat::Excel &&
        format != importers::LogFormat::Json) {
        return;  // XES, packages, binary and mindzie files carry their own mapping
    }
    std::vector<std::string> missing;
    if (options.mapping.case_id.empty()) missing.emplace_back("caseIdColumn is required");
    if (options.mapping.activity.empty()) missing.emplace_back("activityNameColumn is required");
    if (options.mapping.timestamp.empty()) missing.emplace_back("activityTimeColumn is required");
    if (!missing.empty()) throw ImportError(400, missing);
}

}  // namespace

std::filesystem::path DatasetService::new_upload_path(const std::string& tenant_id,
                                                      const std::string& project_id) {
    use_project(store_, projects_, tenant_id, project_id);
    return tenant_storage_.new_upload_path(tenant_id);
}

std::vector<storage::DatasetRecord> DatasetService::list(const std::string& tenant_id,
                                                         const std::string& project_id) {
    use_project(store_, projects_, tenant_id, project_id);
    return store_.datasets().list(project_id);
}

storage::DatasetRecord DatasetService::get(const std::string& tenant_id,
                                           const std::string& project_id,
                                           const std::string& dataset_id) {
    use_project(store_, projects_, tenant_id, project_id);
    auto dataset = store_.datasets().find(project_id, dataset_id);
    if (!dataset) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("dataset with id '{}' not found", dataset_id))
            .with("datasetId", dataset_id);
    }
    return *dataset;
}

std::string DatasetService::default_time_zone(const std::string& tenant_id) {
    return require_tenant(store_, tenant_id).time_zone;
}

eventlog::EventLog DatasetService::read(const std::string& tenant_id, const DatasetUpload& upload,
                                        importers::ImportReport& report) {
    importers::ImportOptions options = upload.options;
    if (options.time_zone.empty()) options.time_zone = default_time_zone(tenant_id);
    auto log = importers::read_event_log(upload.format, upload.file, options, report);
    if (log.event_count() == 0) {
        // Storing an empty log would silently wipe a dataset; nothing usable is an error.
        std::vector<std::string> errors{
            report.skipped_rows() > 0
                ? fmt::format("No events were imported: all {} rows were skipped",
                              report.skipped_rows())
                : std::string("The file contains no events")};
        if (!report.issues().empty()) errors.push_back(report.issues().front().message);
        throw ImportError(422, errors);
    }
    return log;
}

DatasetService::Stored DatasetService::store_log(const std::string& tenant_id,
                                                 const std::string& dataset_id,
                                                 const eventlog::EventLog& log) {
    const auto directory = tenant_storage_.dataset_directory(tenant_id, dataset_id);
    std::filesystem::create_directories(directory);
    const std::string file_name = new_guid() + ".pmslog";
    eventlog::write_event_log_file(log, directory / file_name);
    return {file_name, static_cast<int64_t>(std::filesystem::file_size(directory / file_name))};
}

void DatasetService::fill_from_log(storage::DatasetRecord& dataset, const eventlog::EventLog& log,
                                   const importers::ImportReport& report,
                                   const DatasetUpload& upload) {
    const auto& meta = log.metadata;
    dataset.case_id_column = meta.case_id_column;
    dataset.activity_column = meta.activity_column;
    dataset.time_column = meta.timestamp_column;
    dataset.resource_column = unless_empty(meta.resource_column);
    dataset.begin_time_column = unless_empty(meta.start_time_column);
    dataset.case_count = static_cast<int64_t>(log.case_count());
    dataset.event_count = static_cast<int64_t>(log.event_count());
    dataset.source_format = meta.source_format;
    dataset.culture = upload.options.culture;
    dataset.time_zone = meta.time_zone;
    dataset.invalid_value_count = report.invalid_values();
    dataset.skipped_rows_count = report.skipped_rows();
}

DatasetImportOutcome DatasetService::create(const Caller& caller, const std::string& tenant_id,
                                            const std::string& project_id, const std::string& name,
                                            const std::string& description,
                                            const DatasetUpload& upload) {
    use_project(store_, projects_, tenant_id, project_id);
    std::vector<std::string> problems;
    if (name.find_first_not_of(" \t") == std::string::npos) {
        problems.emplace_back("datasetName is required");
    }
    check_max_length(name, kMaxDatasetNameLength, "datasetName", problems);
    check_max_length(description, kMaxDatasetDescriptionLength, "datasetDescription", problems);
    if (!problems.empty()) throw ImportError(400, problems);
    require_mapping(upload.options, upload.format);
    const auto conflict = [&] {
        return ImportError(
            409, fmt::format("A dataset named '{}' already exists in this project", name));
    };
    for (const auto& existing : store_.datasets().list(project_id)) {
        if (existing.name == name) throw conflict();
    }

    importers::ImportReport report;
    const auto log = std::make_shared<const eventlog::EventLog>(read(tenant_id, upload, report));

    storage::DatasetRecord dataset;
    dataset.id = new_guid();
    dataset.project_id = project_id;
    dataset.name = name;
    dataset.description = description;
    fill_from_log(dataset, *log, report, upload);
    dataset.version = 1;
    const Stored stored = store_log(tenant_id, dataset.id, *log);
    dataset.stored_file = stored.file_name;
    dataset.stored_bytes = stored.bytes;
    dataset.created_by = dataset.modified_by = caller.audit_name();
    dataset.date_created = dataset.date_modified = now_iso8601();
    auto discard_file = [&] {
        std::error_code ignored;
        std::filesystem::remove_all(tenant_storage_.dataset_directory(tenant_id, dataset.id),
                                    ignored);
    };
    try {
        store_.transaction([&] {
            use_project(store_, projects_, tenant_id, project_id);
            store_.datasets().insert(dataset);
        });
    } catch (const storage::UniqueConstraintError&) {
        discard_file();
        throw conflict();
    } catch (...) {
        discard_file();
        throw;
    }
    datasets_.put(tenant_id, dataset, log);
    return outcome_of(dataset, report, *log);
}

storage::DatasetRecord DatasetService::require_updatable(const std::string& tenant_id,
                                                         const std::string& project_id,
                                                         const std::string& dataset_id) {
    use_project(store_, projects_, tenant_id, project_id);
    auto dataset = store_.datasets().find(project_id, dataset_id);
    if (!dataset) {
        throw ImportError(400, fmt::format("dataset with id '{}' not found", dataset_id));
    }
    if (!dataset->is_original) {
        throw ImportError(400, fmt::format("can't update '{}' because it's not an original dataset",
                                           dataset->name));
    }
    return *dataset;
}

DatasetImportOutcome DatasetService::update(const Caller& caller, const std::string& tenant_id,
                                            const std::string& project_id,
                                            const std::string& dataset_id, DatasetUpload upload) {
    const auto current = require_updatable(tenant_id, project_id, dataset_id);
    auto& mapping = upload.options.mapping;
    const bool maps_itself = upload.format == importers::LogFormat::Xes ||
                             upload.format == importers::LogFormat::Binary ||
                             upload.format == importers::LogFormat::Mzz;
    if (!maps_itself && mapping.case_id.empty() && mapping.activity.empty() &&
        mapping.timestamp.empty()) {
        mapping = {current.case_id_column, current.activity_column, current.time_column,
                   current.resource_column.value_or(""), current.begin_time_column.value_or("")};
    }

    importers::ImportReport report;
    const auto log = std::make_shared<const eventlog::EventLog>(read(tenant_id, upload, report));
    const Stored stored = store_log(tenant_id, dataset_id, *log);

    storage::DatasetRecord updated;
    std::string replaced_file;
    try {
        store_.transaction([&] {
            updated = require_updatable(tenant_id, project_id, dataset_id);
            replaced_file = updated.stored_file;
            fill_from_log(updated, *log, report, upload);
            updated.version += 1;
            updated.stored_file = stored.file_name;
            updated.stored_bytes = stored.bytes;
            updated.modified_by = caller.audit_name();
            updated.date_modified = now_iso8601();
            store_.datasets().update(updated);
        });
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(
            tenant_storage_.dataset_directory(tenant_id, dataset_id) / stored.file_name, ignored);
        throw;
    }
    std::error_code ignored;
    std::filesystem::remove(
        tenant_storage_.dataset_directory(tenant_id, dataset_id) / replaced_file, ignored);
    datasets_.put(tenant_id, updated, log);
    return outcome_of(updated, report, *log);
}

void DatasetService::remove(const std::string& tenant_id, const std::string& project_id,
                            const std::string& dataset_id) {
    store_.transaction([&] {
        get(tenant_id, project_id, dataset_id);
        if (const auto users = store_.investigations().count_using_dataset(dataset_id); users > 0) {
            throw ServiceError(ErrorKind::Conflict,
                               fmt::format("Dataset '{}' is used by {} investigation(s); delete "
                                           "them first",
                                           dataset_id, users))
                .with("datasetId", dataset_id);
        }
        store_.datasets().remove(project_id, dataset_id);
    });
    datasets_.evict_dataset(dataset_id);
    std::error_code ignored;
    std::filesystem::remove_all(tenant_storage_.dataset_directory(tenant_id, dataset_id), ignored);
}

std::shared_ptr<const eventlog::EventLog> DatasetService::load(const std::string& tenant_id,
                                                               const std::string& project_id,
                                                               const std::string& dataset_id) {
    return datasets_.get(tenant_id, get(tenant_id, project_id, dataset_id));
}

}  // namespace pmstudio::services
