#include "services/dataset_import_service.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/guid.h"
#include "common/scoped_file.h"
#include "common/service_error.h"
#include "eventlog/time_format.h"
#include "services/url_download.h"

namespace pmstudio::services {
namespace {

constexpr int64_t kMaxImportBytes = int64_t{1} << 30;
constexpr auto kProgressInterval = std::chrono::milliseconds(250);

// Lines in a downloaded file (a quick estimate of CSV rows for progress before the import has
// read them); uploads count theirs as they stream in.
int64_t count_lines(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    std::vector<char> buffer(1 << 20);
    int64_t lines = 0;
    ssize_t got = 0;
    while ((got = ::read(fd, buffer.data(), buffer.size())) > 0) {
        const char* p = buffer.data();
        const char* end = p + got;
        while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
            ++lines;
            ++p;
        }
    }
    ::close(fd);
    return lines;
}

nlohmann::ordered_json time_or_null(int64_t micros) {
    return micros == eventlog::kNoTime ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(eventlog::format_utc(micros));
}

std::string completed_result(const DatasetImportOutcome& outcome) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& issue : outcome.row_issues) {
        errors.push_back({{"row", issue.row_index},
                          {"column", issue.column_name},
                          {"error", issue.message},
                          {"errorType", issue.error_type},
                          {"outcome", issue.outcome}});
    }
    return nlohmann::ordered_json{{"errors", errors},
                                  {"warnings", outcome.warnings},
                                  {"statistics",
                                   {{"uniqueCases", outcome.case_count},
                                    {"uniqueActivities", outcome.activity_count},
                                    {"events", outcome.event_count},
                                    {"invalidValues", outcome.invalid_value_count},
                                    {"dateRange",
                                     {{"earliest", time_or_null(outcome.first_timestamp)},
                                      {"latest", time_or_null(outcome.last_timestamp)}}}}}}
        .dump();
}

std::string failed_result(const std::vector<std::string>& messages) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& message : messages) errors.push_back({{"error", message}});
    return nlohmann::ordered_json{{"errors", errors}, {"warnings", nlohmann::ordered_json::array()}}
        .dump();
}

}  // namespace

storage::DatasetImportRecord DatasetImportService::start(const Caller& caller,
                                                         const std::string& tenant_id,
                                                         const std::string& project_id,
                                                         const std::string& dataset_id,
                                                         ImportSource source) {
    datasets_.require_updatable(tenant_id, project_id, dataset_id);
    if (!source.format) source.format = importers::format_of_file_name(source.file_name);
    if (!source.format) {
        throw importers::ImportError(
            400, fmt::format("Cannot tell the format of '{}': name the file .csv, .xes, .xes.gz, "
                             ".json, .xlsx, .zip, .pmslog or .mzz",
                             source.file_name));
    }
    storage::DatasetImportRecord record;
    record.id = "import-" + new_guid();
    record.dataset_id = dataset_id;
    record.status = "Queued";
    record.file_name = source.file_name;
    record.file_size = source.file_size;
    record.start_time = now_iso8601();
    if (source.format == importers::LogFormat::Csv && source.line_breaks) {
        record.rows_total = std::max<int64_t>(*source.line_breaks - 1, 0);
    }
    store_.datasets().insert_import(record);
    workers_.submit([this, caller, tenant_id, project_id, record, source]() mutable {
        run(caller, tenant_id, project_id, std::move(record), std::move(source));
    });
    return record;
}

void DatasetImportService::run(const Caller& caller, const std::string& tenant_id,
                               const std::string& project_id, storage::DatasetImportRecord record,
                               ImportSource source) {
    ScopedFile cleanup(source.file.value_or(std::filesystem::path{}));  // the import owns it
    try {
        record.status = "Processing";
        store_.datasets().update_import(record);
        if (!source.file) {
            const auto target = datasets_.new_upload_path(tenant_id, project_id);
            cleanup.reset(target);
            record.file_size = download_url(source.url, target, kMaxImportBytes);
            source.file = target;
            if (*source.format == importers::LogFormat::Csv) {
                record.rows_total = std::max<int64_t>(count_lines(target) - 1, 0);
            }
        }

        auto last_report = std::chrono::steady_clock::now();
        source.options.on_progress = [&](int64_t done, int64_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_report < kProgressInterval || total <= 0 || record.rows_total <= 0) {
                return;
            }
            last_report = now;
            record.rows_processed = record.rows_total * done / total;
            store_.datasets().update_import(record);
        };
        const auto outcome =
            datasets_.update(caller, tenant_id, project_id, record.dataset_id,
                             {*source.format, *source.file, source.file_name, source.options});
        record.status = "Completed";
        record.rows_processed = outcome.event_count + outcome.skipped_rows_count;
        record.rows_total = record.rows_processed;
        record.rows_skipped = outcome.skipped_rows_count;
        record.result = completed_result(outcome);
    } catch (const importers::ImportError& error) {
        record.status = "Failed";
        record.result = failed_result(error.messages());
    } catch (const ServiceError& error) {
        record.status = "Failed";
        record.result = failed_result({error.what()});
    } catch (const std::exception& error) {
        record.status = "Failed";
        record.result = failed_result({fmt::format("The import failed: {}", error.what())});
    }
    record.end_time = now_iso8601();
    store_.datasets().update_import(record);
}

storage::DatasetImportRecord DatasetImportService::status(const std::string& tenant_id,
                                                          const std::string& project_id,
                                                          const std::string& dataset_id,
                                                          const std::string& import_id) {
    datasets_.get(tenant_id, project_id, dataset_id);
    auto record = store_.datasets().find_import(dataset_id, import_id);
    if (!record) {
        throw ServiceError(
            ErrorKind::NotFound,
            fmt::format("Import '{}' not found for dataset '{}'", import_id, dataset_id))
            .with("importId", import_id);
    }
    return *record;
}

}  // namespace pmstudio::services
