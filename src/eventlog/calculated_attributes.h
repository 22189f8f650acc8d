#pragma once

#include <optional>
#include <string_view>

#include "eventlog/column.h"
#include "eventlog/log_view.h"

namespace pmstudio::eventlog {

// The calculated case attributes of operators.md, always available as "~calc~<name>" columns.
enum class CalculatedAttribute {
    CaseStart,              // DateTime: timestamp of the first kept event
    CaseEnd,                // DateTime: timestamp of the last kept event
    CaseDuration,           // TimeSpan: CaseEnd - CaseStart
    StartActivity,          // String
    EndActivity,            // String
    FirstResource,          // String, null when that event has none
    LastResource,           // String, null when that event has none
    EventCount,             // Integer
    DistinctActivityCount,  // Integer
    CaseWithRepetition,     // Boolean: some activity occurs twice or more
    CaseStartYear,          // Integer
    CaseStartQuarter,       // String "2024 Q3"
    CaseStartMonth,         // String "2024-07"
    CaseStartWeekday,       // String "Monday" ... "Sunday"
    Variant,                // String: the variant id of case_variants.h
};

// The attribute a column name such as "~calc~CaseStart" stands for; nullopt for other names.
std::optional<CalculatedAttribute> calculated_attribute(std::string_view column_name);

// The attribute for the kept cases of a view: row i belongs to view.cases()[i]. Calendar fields
// are those of the UTC date; string dictionaries are sorted.
Column calculated_case_attribute(const LogView& view, CalculatedAttribute attribute);

}  // namespace pmstudio::eventlog
