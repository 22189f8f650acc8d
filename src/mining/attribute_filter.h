#pragma once

#include <string_view>

#include "eventlog/log_view.h"
#include "mining/attribute_condition.h"

namespace pmstudio::mining {

// FilterAttribute of operators.md. A case-level column keeps the cases whose value matches; an
// event-level column keeps the cases with at least one matching kept event, counting only events
// of `activity` when it is not empty (ActivityNameIfEventAttribute). `remove` keeps the other
// cases instead (RemoveFilter). Throws std::invalid_argument for an unknown column and as
// AttributeMatcher does.
eventlog::LogView filter_cases_by_attribute(const eventlog::LogView& view,
                                            const AttributeCondition& condition,
                                            std::string_view activity = {}, bool remove = false);

// The kept events whose value of the column matches; cases left without events are dropped (e.g.
// lifecycle:transition Is "complete"). A case attribute is the value of each of the case's
// events (the log keeps event attributes that are constant within every case as case
// attributes), so for one this keeps the matching cases whole. Throws as
// filter_cases_by_attribute.
eventlog::LogView filter_events_by_attribute(const eventlog::LogView& view,
                                             const AttributeCondition& condition);

}  // namespace pmstudio::mining
