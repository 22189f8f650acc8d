#include "api/project_import_json.h"

namespace pmstudio::api {
namespace {

Json details_json(const services::ProjectImportResult& result) {
    Json successful = Json::array();
    for (const auto& item : result.successful) {
        successful.push_back({{"type", item.type}, {"id", item.id}, {"name", item.name}});
    }
    Json failed = Json::array();
    for (const auto& item : result.failed) {
        failed.push_back({{"type", item.type},
                          {"id", item.id},
                          {"name", item.name},
                          {"statusCode", item.status_code},
                          {"reason", item.reason}});
    }
    Json warnings = Json::array();
    for (const auto& item : result.warnings) {
        warnings.push_back(
            {{"type", item.type}, {"id", item.id}, {"name", item.name}, {"message", item.message}});
    }
    return {{"successful", std::move(successful)},
            {"failed", std::move(failed)},
            {"warnings", std::move(warnings)}};
}

}  // namespace

Json project_import_json(const services::ProjectImportResult& result) {
    return {{"success", true},
            {"projectId", result.project_id},
            {"projectName", result.project_name},
            {"datasetsImported", result.datasets_imported},
            {"investigationsImported", result.investigations_imported},
            {"dashboardsImported", result.dashboards_imported},
            {"message", result.message},
            {"details", details_json(result)}};
}

}  // namespace pmstudio::api
