#pragma once

#include <string>

#include "api/json_body.h"
#include "api/request.h"
#include "api/response.h"
#include "common/service_error.h"
#include "services/dashboard_panel_rules.h"
#include "storage/store.h"

namespace pmstudio::api {

// The shareable URL of a dashboard: {public base URL}/dashboard/{dashboardId}.
std::string dashboard_url(const Request& request, const std::string& dashboard_id);

// A dashboard as the Dashboard API lists it (+ notebookId, null for the project's own).
Json dashboard_json(const Request& request, const storage::DashboardRecord& dashboard);

// A panel as GET .../panels lists it: position "Row: X, Col: Y", configuration the panel's own
// options (+ blockId, the selector block it shows).
Json panel_json(const storage::PanelRecord& panel);

// A panel as POST/PUT .../panel answer: {panelId, title, dashboardPanelClassName, row, column,
// width, height, blockId}.
Json panel_summary_json(const storage::PanelRecord& panel);

// Reads a request body with `read(JsonBody)`; a malformed body or a wrongly typed property is the
// Dashboard API's 400 {"Error": "VALIDATION_ERROR", "Message": ...}.
template <typename Read>
auto read_dashboard_body(const std::string& text, Read read) {
    try {
        return read(JsonBody::parse(text));
    } catch (const ServiceError& error) {
        services::throw_dashboard_errors(error.validation_errors());
        throw services::dashboard_validation_error(error.what());
    }
}

}  // namespace pmstudio::api
