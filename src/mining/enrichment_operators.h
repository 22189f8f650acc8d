#pragma once

#include <vector>

#include "mining/operator_runtime.h"

namespace pmstudio::mining {

// The enrichment operators of operators.md: OperatorDurationBetweenActivities,
// OperatorDurationCategorization, OperatorTimeDifferenceFromCurrentTime, OperatorCaseGroup,
// CaseRepresentativeAttribute, FreezeLogTime, OperatorAddDayOfWeek, OperatorBusinessHours and
// OperatorCaseDuration. Each passes its input view on and adds a case attribute (FreezeLogTime:
// fixes "now"): a row per case of the log, null for the cases outside the view. Later blocks
// name it like any column.
//
// Choices the catalog leaves open:
// - An event-level column given where a case value is needed (AttributeName) stands for the
//   value of the case's first kept event that has one; OperatorTimeDifferenceFromCurrentTime takes
//   the last one when AttributeValueAsLastTime is set. DurationType and AllowFractionalPeriods
//   (export codes without a documented meaning) do not change the timespan.
// - OperatorCaseGroup: booleans (false for the cases the filter list removes) or, without
//   TrueFalseGroup, GroupName for the passing cases and null for the others. IsEventAttribute is
//   not supported: derived attributes are case attributes.
// - CaseRepresentativeAttribute: the first or last kept event of the activities (any activity when
//   none is listed) that has a value, in the view the filter list leaves; with
//   SelectLatestEventIfSpecificsAreNull, the case's last kept event with a value when there is
//   none. DerivedAttribute is informational.
// - FreezeLogTime without FreezeTime freezes the latest timestamp of the log; the detail
//   FreezeTime reports the instant.
// - OperatorBusinessHours: true when the time (default: the time column, i.e. the case's first
//   event) falls on one of WorkDays within [StartTime, EndTime) of its UTC day.
std::vector<NamedImplementation> enrichment_implementations();

}  // namespace pmstudio::mining
