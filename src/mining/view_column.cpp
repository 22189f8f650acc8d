#include "mining/view_column.h"

#include "eventlog/calculated_attributes.h"
#include "mining/analysis_state.h"

namespace pmstudio::mining {

using eventlog::Column;
using eventlog::EventLog;
using eventlog::ValueType;

ViewColumn ViewColumn::of_column(const Column& column, bool event_level) {
    ViewColumn out;
    out.event_level_ = event_level;
    out.type_ = column.type;
    out.coded_ = column.type == ValueType::String;
    out.codes_ = column.codes;
    out.dictionary_ = column.dictionary;
    out.ints_ = column.ints;
    out.doubles_ = column.doubles;
    out.nulls_of_ = &column;
    return out;
}

std::optional<ViewColumn> ViewColumn::resolve(const eventlog::LogView& view,
                                              std::string_view name) {
    const EventLog& log = view.log();
    const eventlog::EventLogMetadata& roles = log.metadata;
    ViewColumn out;
    // XES names the case id and the activity concept:name both; the activity wins.
    if (name == roles.activity_column) {
        out.event_level_ = true;
        out.coded_ = true;
        out.codes_ = log.activity;
        out.dictionary_ = log.activities;
    } else if (name == roles.case_id_column) {
        out.texts_ = log.case_ids;
    } else if (name == roles.timestamp_column) {
        out.event_level_ = true;
        out.type_ = ValueType::DateTime;
        out.ints_ = log.timestamp;
    } else if (!roles.resource_column.empty() && name == roles.resource_column) {
        out.event_level_ = true;
        out.coded_ = true;
        out.codes_ = log.resource;
        out.dictionary_ = log.resources;
    } else if (!roles.start_time_column.empty() && name == roles.start_time_column) {
        out.event_level_ = true;
        out.type_ = ValueType::DateTime;
        out.ints_ = log.start_time;
    } else if (const auto calculated = eventlog::calculated_attribute(name)) {
        auto column =
            std::make_shared<const Column>(eventlog::calculated_case_attribute(view, *calculated));
        out = of_column(*column, false);
        out.calculated_ = std::move(column);
        out.by_position_ = true;
    } else {
        for (const auto& [columns, event_level] :
             {std::pair{&log.case_attributes, false}, std::pair{&log.event_attributes, true}}) {
            for (const Column& column : *columns) {
                if (column.name == name) return of_column(column, event_level);
            }
        }
        return std::nullopt;
    }
    return out;
}

std::optional<ViewColumn> ViewColumn::resolve(const AnalysisState& state, std::string_view name) {
    if (const Column* derived = state.derived_attribute(name)) return of_column(*derived, false);
    return resolve(state.view, name);
}

bool ViewColumn::is_null(size_t row) const {
    if (nulls_of_ != nullptr) return nulls_of_->is_null(row);
    if (!codes_.empty()) return codes_[row] == null_code_;
    if (!ints_.empty()) return ints_[row] == null_int_;
    return false;
}

std::string ViewColumn::text(size_t row) const {
    if (is_null(row)) return {};
    if (!texts_.empty()) return texts_[row];
    if (coded_) return dictionary_[codes_[row]];
    if (type_ == ValueType::Double) return eventlog::double_value_text(doubles_[row]);
    return eventlog::int64_value_text(type_, ints_[row]);
}

}  // namespace pmstudio::mining
