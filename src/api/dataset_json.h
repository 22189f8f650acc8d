#pragma once

#include "api/response.h"
#include "importers/import_report.h"
#include "services/dataset_service.h"
#include "storage/dataset_repository.h"

namespace pmstudio::api {

// The dataset object of the reference (datasetId ... modifiedBy) plus pmstudio's extra fields.
Json dataset_json(const storage::DatasetRecord& dataset);
Json row_issues_json(const std::vector<importers::RowIssue>& issues);
// The documented upload answer {datasetId, caseCount, eventCount, invalidValueCount,
// skippedRowsCount, errors, rowIssues, statusCode} with status 200.
Response import_outcome_response(const services::DatasetImportOutcome& outcome);

}  // namespace pmstudio::api
