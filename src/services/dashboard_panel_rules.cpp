#include "services/dashboard_panel_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>

#include "mining/block_validator.h"
#include "services/validation.h"

namespace pmstudio::services {
namespace {

// In the order the reference's VALIDATION_ERROR message lists them.
constexpr std::array<PanelKind, 7> kPanelKinds{{
    {"DashboardPanelSingleValue", "SelectorSingleValueFromLabel"},
    {"DashboardPanelCalculator", "SelectorFullCalculator"},
    {"DashboardPanelHorizontalBarChart", "SelectorMultiColumns"},
    {"DashboardPanelDataTable", "SelectorFullCalculator"},
    {"DashboardPanelProcessMap", "SelectorFullCalculator"},
    {"DashboardPanelDashboardNote", ""},
    {"DashboardPanelRecommendationSentence", ""},
}};

constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max();

std::string valid_types() {
    std::string list;
    for (const auto& kind : kPanelKinds) {
        if (!list.empty()) list += ", ";
        list += kind.panel_type;
    }
    return list;
}

void check_range(const std::optional<int64_t>& value, std::string_view name, int64_t min,
                 int64_t max, bool required, std::vector<std::string>& errors) {
    if (!value) {
        if (required) errors.push_back(fmt::format("{} is required", name));
    } else if (*value < min || *value > max) {
        errors.push_back(
            max == kUnbounded
                ? fmt::format("{} must be {} or greater (0-based), got {}", name, min, *value)
                : fmt::format("{} must be between {} and {}, got {}", name, min, max, *value));
    }
}

void check_layout(const PanelInput& input, bool required, std::vector<std::string>& errors) {
    check_range(input.row, "Row", 0, kUnbounded, required, errors);
    check_range(input.column, "Column", 0, kUnbounded, required, errors);
    check_range(input.width, "Width", 1, 12, required, errors);
    check_range(input.height, "Height", 1, 20, required, errors);
    check_max_length(input.title, kMaxNameLength, "Title", errors);
    check_max_length(input.description, kMaxDescriptionLength, "Description", errors);
}

}  // namespace

ServiceError dashboard_validation_error(const std::string& message) {
    return ServiceError(ErrorKind::BadRequest, "VALIDATION_ERROR")
        .with("Message", message)
        .written_as(ErrorBody::PascalCase);
}

void throw_dashboard_errors(const std::vector<std::string>& errors) {
    if (errors.empty()) return;
    std::string message;
    for (const auto& error : errors) message += (message.empty() ? "" : "; ") + error;
    throw dashboard_validation_error(message);
}

const PanelKind* find_panel_kind(std::string_view panel_type) {
    const auto found = std::find_if(kPanelKinds.begin(), kPanelKinds.end(), [&](const auto& kind) {
        return kind.panel_type == panel_type;
    });
    return found == kPanelKinds.end() ? nullptr : &*found;
}

void check_new_panel(const PanelInput& input) {
    std::vector<std::string> errors;
    if (is_blank(input.title)) errors.emplace_back("Title is required");
    if (is_blank(input.panel_type)) {
        errors.emplace_back("PanelType is required");
    } else if (const auto* kind = find_panel_kind(*input.panel_type); kind == nullptr) {
        errors.push_back(fmt::format("Invalid panel type '{}'. Valid types: {}", *input.panel_type,
                                     valid_types()));
    } else if (!kind->selector.empty() && !input.block_id) {
        errors.push_back(fmt::format("BlockId is required for panel type '{}'", *input.panel_type));
    } else if (kind->selector.empty() && input.block_id) {
        errors.push_back(
            fmt::format("Panel type '{}' shows no block: omit BlockId", *input.panel_type));
    }
    check_layout(input, true, errors);
    throw_dashboard_errors(errors);
}

void check_panel_update(const PanelInput& input) {
    std::vector<std::string> errors;
    if (input.title && is_blank(input.title)) errors.emplace_back("Title cannot be empty");
    check_layout(input, false, errors);
    throw_dashboard_errors(errors);
}

std::string selector_configuration(std::string_view selector, std::string_view panel_type,
                                   const std::string& calculator_id,
                                   const std::optional<std::string>& settings) {
    const auto given = nlohmann::ordered_json::parse(settings.value_or("{}"), nullptr, false);
    if (!given.is_object()) throw dashboard_validation_error("Settings must be a JSON object");
    nlohmann::ordered_json configuration = nlohmann::ordered_json::object();
    for (const auto& [key, value] : given.items()) {
        auto name = key;
        if (!name.empty())
            name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        configuration[name] = value;
    }
    configuration["CalculatorBlockId"] = calculator_id;
    if (selector == "SelectorFullCalculator" && !configuration.contains("DefaultPanelType")) {
        configuration["DefaultPanelType"] = panel_type;
    }
    const auto text = configuration.dump();
    const auto errors = mining::validate_block(selector, nlohmann::json::parse(text));
    throw_dashboard_errors(errors);
    return text;
}

}  // namespace pmstudio::services
