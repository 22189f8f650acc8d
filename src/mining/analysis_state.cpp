#include "mining/analysis_state.h"

#include "common/text.h"

namespace pmstudio::mining {

AnalysisState::AnalysisState(eventlog::LogView initial)
    : view(std::move(initial)), figures(std::make_shared<ViewFigures>(view)) {
    const int64_t freeze_time = view.log().metadata.freeze_time;
    if (freeze_time != eventlog::kNoTime) frozen_now = freeze_time;
}

const eventlog::Column* AnalysisState::derived_attribute(std::string_view name) const {
    if (!derived_attributes) return nullptr;
    for (const auto& column : *derived_attributes) {
        if (column.name == name) return &column;
    }
    for (const auto& column : *derived_attributes) {
        if (iequals(column.name, name)) return &column;
    }
    return nullptr;
}

AnalysisState AnalysisState::with_attribute(eventlog::Column column) const {
    auto columns = derived_attributes ? *derived_attributes : std::vector<eventlog::Column>{};
    std::erase_if(columns, [&](const auto& existing) { return existing.name == column.name; });
    columns.push_back(std::move(column));
    AnalysisState next = *this;
    next.derived_attributes =
        std::make_shared<const std::vector<eventlog::Column>>(std::move(columns));
    return next;
}

AnalysisState AnalysisState::with_view(eventlog::LogView narrower) const {
    AnalysisState next = *this;
    next.view = std::move(narrower);
    next.figures = std::make_shared<ViewFigures>(next.view);
    return next;
}

}  // namespace pmstudio::mining
