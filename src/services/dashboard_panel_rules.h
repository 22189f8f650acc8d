#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/service_error.h"

namespace pmstudio::services {

// A panel as POST/PUT .../dashboard/{dashboardId}/panel give it. On update every field is
// optional and panelType and blockId are not read.
struct PanelInput {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> panel_type;
    std::optional<std::string> block_id;  // the calculator block the panel shows
    std::optional<int64_t> row;
    std::optional<int64_t> column;
    std::optional<int64_t> width;
    std::optional<int64_t> height;
    std::optional<std::string> settings;  // a JSON object with camelCase keys, as text
};

// A row of the reference's Panel Types table: the selector operator created for the panel type,
// empty for panels that show no block (notes, recommendation sentences).
struct PanelKind {
    std::string_view panel_type;
    std::string_view selector;
};

// The documented 400 {"Error": "VALIDATION_ERROR", "Message": message} of the Dashboard API.
ServiceError dashboard_validation_error(const std::string& message);
// Throws one dashboard_validation_error naming every problem ("; " between them), if any.
void throw_dashboard_errors(const std::vector<std::string>& errors);

// The row of the Panel Types table, or nullptr for another type (MCL imports may hold others).
const PanelKind* find_panel_kind(std::string_view panel_type);

// Checks a new panel: title and panelType required, panelType one of the Panel Types table,
// blockId required exactly for the types that get a selector, row/column >= 0, width 1-12,
// height 1-20. Throws dashboard_validation_error naming every problem.
void check_new_panel(const PanelInput& input);
// Checks the fields an update gives (title not blank, layout in range).
void check_panel_update(const PanelInput& input);

// The configuration of a panel's selector: `settings` with each key's first letter upper-cased
// (tableIndex -> TableIndex), CalculatorBlockId set to the calculator, and for
// SelectorFullCalculator DefaultPanelType defaulting to the panel type. Checked against the
// operator registry; problems are dashboard_validation_errors.
std::string selector_configuration(std::string_view selector, std::string_view panel_type,
                                   const std::string& calculator_id,
                                   const std::optional<std::string>& settings);

}  // namespace pmstudio::services
