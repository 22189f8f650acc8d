#include "mining/state_column.h"

#include <fmt/format.h>

#include "common/text.h"
#include "eventlog/time_format.h"

namespace pmstudio::mining {

using eventlog::ValueType;

namespace {

const char* result_type_of(ValueType type) {
    switch (type) {
        case ValueType::Boolean:
            return "boolean";
        case ValueType::Integer:
            return "integer";
        case ValueType::Double:
            return "double";
        case ValueType::DateTime:
            return "datetime";
        case ValueType::TimeSpan:
            return "timespan";
        default:
            return "string";
    }
}

}  // namespace

StateColumn::StateColumn(const AnalysisState& state, std::string_view name,
                         std::string_view setting)
    : name_(name), view_column_(ViewColumn::resolve(state, name)) {
    if (!view_column_) {
        throw OperatorError(fmt::format("Column '{}' of setting {} does not exist", name, setting));
    }
}

ValueType StateColumn::type() const {
    return view_column_->type();
}

size_t StateColumn::case_row(size_t position, uint32_t c) const {
    return view_column_->case_row(position, c);
}

bool StateColumn::is_null(size_t row) const {
    return view_column_->is_null(row);
}

int64_t StateColumn::int_value(size_t row) const {
    return view_column_->int_value(row);
}

double StateColumn::number(size_t row) const {
    if (type() != ValueType::Double) return static_cast<double>(int_value(row));
    return view_column_->double_value(row);
}

std::string StateColumn::text(size_t row) const {
    return view_column_->text(row);
}

bool StateColumn::truthy(size_t row) const {
    if (is_null(row)) return false;
    if (type() != ValueType::String) return number(row) != 0;
    const std::string value = text(row);
    return !value.empty() && value != "0" && !iequals(value, "false");
}

Json StateColumn::cell(size_t row) const {
    if (is_null(row)) return nullptr;
    switch (type()) {
        case ValueType::Boolean:
            return int_value(row) != 0;
        case ValueType::Integer:
            return int_value(row);
        case ValueType::Double:
            return number(row);
        case ValueType::DateTime:
            return eventlog::format_utc(int_value(row));
        case ValueType::TimeSpan:
            return static_cast<double>(int_value(row)) /
                   static_cast<double>(eventlog::kMicrosPerSecond);
        default:
            return text(row);
    }
}

const char* StateColumn::result_type() const {
    return result_type_of(type());
}

std::optional<size_t> StateColumn::current_row(const eventlog::LogView& view, size_t position,
                                               uint32_t c) const {
    if (!event_level()) {
        const size_t row = case_row(position, c);
        return is_null(row) ? std::nullopt : std::optional<size_t>(row);
    }
    std::optional<size_t> last;
    view.for_each_event(c, [&](uint32_t e) {
        if (!is_null(e)) last = e;
    });
    return last;
}

bool StateColumn::holds_for_case(const eventlog::LogView& view, size_t position, uint32_t c) const {
    if (!event_level()) return truthy(case_row(position, c));
    bool holds = false;
    view.for_each_event(c, [&](uint32_t e) { holds = holds || truthy(e); });
    return holds;
}

}  // namespace pmstudio::mining
