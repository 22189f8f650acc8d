#pragma once

#include <string>

#include "services/dashboard_view_service.h"

namespace pmstudio::api {

// The answer of a dashboard page's data route, as JSON text: the dashboard ({dashboardId,
// projectId, name, description, notebookId, embedded, status: Running while any panel runs else
// Ready, generatedAt}) and its panels, each {panelId, title, description, panelType, row, column,
// width, height, options, blockId, selectorOperator, calculatorBlockId, calculatorOperator,
// calculatorName, status, error, resultDate, result} with the selector's stored result envelope
// spliced in as it is (not parsed and written again). Envelopes over 256 KB have their tables cut
// to the first 1,000 rows, each cut table with rowCount, its full number of rows.
std::string dashboard_view_json(const services::DashboardView& view, bool embedded);

}  // namespace pmstudio::api
