#include "api/dataset_json.h"

namespace pmstudio::api {

Json dataset_json(const storage::DatasetRecord& d) {
    return Json{{"datasetId", d.id},
                {"datasetName", d.name},
                {"datasetDescription", d.description},
                {"projectId", d.project_id},
                {"caseIdColumnName", d.case_id_column},
                {"activityColumnName", d.activity_column},
                {"timeColumnName", d.time_column},
                {"resourceColumnName", optional_json(d.resource_column)},
                {"beginTimeColumnName", optional_json(d.begin_time_column)},
                {"expectedOrderColumnName", optional_json(d.expected_order_column)},
                {"useDateOnlySorting", d.use_date_only_sorting},
                {"useOnlyEventColumns", d.use_only_event_columns},
                {"dateCreated", d.date_created},
                {"dateModified", d.date_modified},
                {"createdBy", d.created_by},
                {"modifiedBy", d.modified_by},
                {"caseCount", d.case_count},
                {"eventCount", d.event_count},
                {"isOriginal", d.is_original},
                {"version", d.version},
                {"sourceFormat", d.source_format},
                {"timeZone", d.time_zone},
                {"storedBytes", d.stored_bytes}};
}

Json row_issues_json(const std::vector<importers::RowIssue>& issues) {
    Json out = Json::array();
    for (const auto& issue : issues) {
        out.push_back(Json{{"rowIndex", issue.row_index},
                           {"columnName", issue.column_name},
                           {"errorType", issue.error_type},
                           {"outcome", issue.outcome},
                           {"message", issue.message}});
    }
    return out;
}

Response import_outcome_response(const services::DatasetImportOutcome& outcome) {
    return Response::json(200, Json{{"datasetId", outcome.dataset.id},
                                    {"caseCount", outcome.case_count},
                                    {"eventCount", outcome.event_count},
                                    {"invalidValueCount", outcome.invalid_value_count},
                                    {"skippedRowsCount", outcome.skipped_rows_count},
                                    {"errors", Json::array()},
                                    {"rowIssues", row_issues_json(outcome.row_issues)},
                                    {"statusCode", 200},
                                    {"warnings", outcome.warnings}});
}

}  // namespace pmstudio::api
