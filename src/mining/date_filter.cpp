#include "mining/date_filter.h"

#include <stdexcept>
#include <string>

#include "mining/activity_names.h"
#include "mining/view_column.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

LogView cases_with_attribute_in_range(const LogView& view, TimeRange range, std::string_view name,
                                      bool remove) {
    const auto column = ViewColumn::resolve(view, name);
    if (!column || column->type() != eventlog::ValueType::DateTime) {
        throw std::invalid_argument("'" + std::string(name) + "' is no datetime column");
    }
    const auto in_range = [&](size_t row) {
        return !column->is_null(row) && range.from <= column->int_value(row) &&
               column->int_value(row) <= range.to;
    };
    size_t position = 0;  // where_cases visits the kept cases in order
    return view.where_cases([&](uint32_t c) {
        bool found = false;
        if (column->event_level()) {
            view.for_each_event(c, [&](uint32_t e) { found = found || in_range(e); });
        } else {
            found = in_range(column->case_row(position, c));
        }
        ++position;
        return found != remove;
    });
}

}  // namespace

LogView filter_date(const LogView& view, DateFilterType type, TimeRange range,
                    std::string_view name, bool remove) {
    const eventlog::EventLog& log = view.log();
    const auto in_range = [&](uint32_t e) {
        return range.from <= log.timestamp[e] && log.timestamp[e] <= range.to;
    };
    const auto first = [&](uint32_t c) { return log.timestamp[view.first_event(c)]; };
    const auto last = [&](uint32_t c) { return log.timestamp[view.last_event(c)]; };
    const auto keep_cases = [&](auto&& selected) {
        return view.where_cases([&](uint32_t c) { return selected(c) != remove; });
    };
    switch (type) {
        case DateFilterType::CasesStartingInRange:
            return keep_cases([&](uint32_t c) { return in_range(view.first_event(c)); });
        case DateFilterType::CasesEndingInRange:
            return keep_cases([&](uint32_t c) { return in_range(view.last_event(c)); });
        case DateFilterType::CasesContainedInRange:
            return keep_cases(
                [&](uint32_t c) { return range.from <= first(c) && last(c) <= range.to; });
        case DateFilterType::CasesIntersectingRange:
            return keep_cases(
                [&](uint32_t c) { return first(c) <= range.to && range.from <= last(c); });
        case DateFilterType::TrimEventsToRange:
            return view.where_events([&](uint32_t e) { return in_range(e) != remove; });
        case DateFilterType::CasesWithActivityInRange: {
            const auto activity = activity_code(log, name);
            return keep_cases([&](uint32_t c) {
                bool found = false;
                view.for_each_event(c, [&](uint32_t e) {
                    found = found || (log.activity[e] == activity && in_range(e));
                });
                return found;
            });
        }
        case DateFilterType::CasesWithAttributeInRange:
            return cases_with_attribute_in_range(view, range, name, remove);
    }
    return view;
}

}  // namespace pmstudio::mining
