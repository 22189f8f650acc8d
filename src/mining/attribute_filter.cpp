#include "mining/attribute_filter.h"

#include <limits>
#include <stdexcept>
#include <string>

#include "mining/activity_names.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

ViewColumn resolve(const LogView& view, const std::string& name) {
    auto column = ViewColumn::resolve(view, name);
    if (!column) throw std::invalid_argument("unknown column '" + name + "'");
    return std::move(*column);
}

LogView cases_with_case_value(const LogView& view, const ViewColumn& column,
                              const AttributeMatcher& matcher, bool remove) {
    size_t position = 0;  // where_cases visits the kept cases in order
    return view.where_cases(
        [&](uint32_t c) { return matcher.matches(column.case_row(position++, c)) != remove; });
}

}  // namespace

LogView filter_cases_by_attribute(const LogView& view, const AttributeCondition& condition,
                                  std::string_view activity, bool remove) {
    const ViewColumn column = resolve(view, condition.column);
    const AttributeMatcher matcher(column, condition);
    if (!column.event_level()) return cases_with_case_value(view, column, matcher, remove);
    const eventlog::EventLog& log = view.log();
    // An activity the log lacks selects no event.
    constexpr uint32_t kEveryActivity = std::numeric_limits<uint32_t>::max();
    constexpr uint32_t kNoActivity = kEveryActivity - 1;
    const uint32_t only =
        activity.empty() ? kEveryActivity : activity_code(log, activity).value_or(kNoActivity);
    return view.where_cases([&](uint32_t c) {
        bool found = false;
        view.for_each_event(c, [&](uint32_t e) {
            found = found ||
                    ((only == kEveryActivity || log.activity[e] == only) && matcher.matches(e));
        });
        return found != remove;
    });
}

LogView filter_events_by_attribute(const LogView& view, const AttributeCondition& condition) {
    const ViewColumn column = resolve(view, condition.column);
    const AttributeMatcher matcher(column, condition);
    if (!column.event_level()) return cases_with_case_value(view, column, matcher, false);
    return view.where_events([&](uint32_t e) { return matcher.matches(e); });
}

}  // namespace pmstudio::mining
