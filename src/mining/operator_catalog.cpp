#include "mining/operator_catalog.h"

namespace pmstudio::mining {
namespace {

// The one source of truth for operators (docs/operators.md explains the format). Settings keys
// are spelt exactly as mindzieStudio exports them; "export": true marks enumeration values fixed
// by real exports, every other value is pmstudio's own choice.
constexpr const char* kCatalog = R"catalog(
{
  "blockTypes": [
    {"id": 1, "name": "Filter", "description": "Narrows the view: fewer cases or fewer events."},
    {"id": 2, "name": "Calculator", "description": "Computes result tables from the view."},
    {"id": 3, "name": "Selector", "description": "Dashboard layer: picks values out of a calculator block's result."},
    {"id": 4, "name": "Enrichment", "description": "Adds attributes to the view (enrichment notebooks; no BlockType in MCL)."},
    {"id": 5, "name": "Alert", "description": "Returns the cases that trigger a condition and whether the alert fired."},
    {"id": 6, "name": "Insight", "description": "Reserved for generated insights; no operator yet."},
    {"id": 7, "name": "Opportunity", "description": "Reserved for improvement opportunities; no operator yet."}
  ],
  "enumerations": {
    "CompareMethod": [
      {"value": 1, "name": "Is", "export": true}, {"value": 2, "name": "IsNot"},
      {"value": 3, "name": "Contains"}, {"value": 4, "name": "DoesNotContain"},
      {"value": 5, "name": "StartsWith"}, {"value": 6, "name": "EndsWith"},
      {"value": 7, "name": "GreaterThan"}, {"value": 8, "name": "GreaterThanOrEqual"},
      {"value": 9, "name": "LessThan"}, {"value": 10, "name": "LessThanOrEqual"},
      {"value": 11, "name": "Between", "meaning": "LowerValue..UpperValue, inclusive"},
      {"value": 12, "name": "IsEmpty"}, {"value": 13, "name": "IsNotEmpty"},
      {"value": 14, "name": "IsOneOf", "meaning": "with CompareArray", "export": true},
      {"value": 15, "name": "IsNotOneOf"}, {"value": 16, "name": "MatchesRegex"}
    ],
    "AggregateFunction": [
      {"value": 1, "name": "Count", "export": true}, {"value": 2, "name": "Sum"},
      {"value": 3, "name": "Min"}, {"value": 4, "name": "Mean", "export": true},
      {"value": 5, "name": "Median"}, {"value": 6, "name": "Max"}, {"value": 7, "name": "StdDev"},
      {"value": 8, "name": "DistinctCount"}, {"value": 9, "name": "Percent"}
    ],
    "TimeUnit": [
      {"value": 0, "name": "Milliseconds"}, {"value": 1, "name": "Seconds"},
      {"value": 2, "name": "Minutes", "meaning": "stage thresholds", "export": true},
      {"value": 3, "name": "Hours"}, {"value": 4, "name": "Days", "export": true},
      {"value": 5, "name": "Weeks"}, {"value": 6, "name": "Months"}, {"value": 7, "name": "Years"}
    ],
    "RelativeDateVariable": [
      {"value": 0, "name": "AbsoluteTime", "meaning": "the absolute Time"},
      {"value": 1, "name": "StartOfWeek", "meaning": "Monday", "export": true},
      {"value": 2, "name": "StartOfMonth"}, {"value": 3, "name": "StartOfYear", "export": true},
      {"value": 4, "name": "StartOfQuarter"}, {"value": 11, "name": "EndOfWeek"},
      {"value": 12, "name": "EndOfMonth"}, {"value": 13, "name": "EndOfYear", "export": true},
      {"value": 14, "name": "EndOfQuarter"}, {"value": 21, "name": "StartOfDay", "export": true}
    ],
    "TimeDirection": [
      {"value": 0, "name": "Past", "meaning": "NumberOfPeriods before now"},
      {"value": 1, "name": "Future", "meaning": "NumberOfPeriods after now"}
    ],
    "DateFilterType": [
      {"value": 1, "name": "CasesStartingInRange", "export": true},
      {"value": 2, "name": "CasesEndingInRange"}, {"value": 3, "name": "CasesContainedInRange"},
      {"value": 4, "name": "CasesIntersectingRange", "export": true},
      {"value": 5, "name": "TrimEventsToRange"},
      {"value": 6, "name": "CasesWithActivityInRange", "meaning": "uses ActivityName"},
      {"value": 7, "name": "CasesWithAttributeInRange", "meaning": "uses AttributeName"}
    ],
    "FirstOrLast": [
      {"value": 1, "name": "First", "export": true}, {"value": 2, "name": "Last", "export": true}
    ],
    "ActivityFilterMode": [
      {"value": "KeepCasesWithAny"}, {"value": "KeepCasesWithAll"}, {"value": "KeepCasesWithNone"},
      {"value": "KeepOnlyTheseEvents"}, {"value": "RemoveTheseEvents"}
    ],
    "OverTimePeriod": [
      {"value": 1, "name": "Day"}, {"value": 2, "name": "Week"}, {"value": 3, "name": "Month"},
      {"value": 4, "name": "Quarter"}, {"value": 5, "name": "Year"}
    ],
    "SortOrder": [{"value": 1, "name": "Ascending"}, {"value": 2, "name": "Descending"}],
    "TrendType": [
      {"value": 1, "name": "CompareFilters", "meaning": "group 1 vs group 2, each its FilterListSettings"},
      {"value": 2, "name": "CompareActivities", "meaning": "ValueActivityName occurrences of the two groups"}
    ],
    "PairStatistics": [
      {"value": 1, "name": "Mean"}, {"value": 2, "name": "Median"}, {"value": 3, "name": "Max"}
    ],
    "SimpleCompare": [
      {"value": "equals", "meaning": "CompareMethod 1 Is"},
      {"value": "notEquals", "meaning": "CompareMethod 2 IsNot"},
      {"value": "contains", "meaning": "CompareMethod 3 Contains"},
      {"value": "doesNotContain", "meaning": "CompareMethod 4 DoesNotContain"},
      {"value": "startsWith", "meaning": "CompareMethod 5 StartsWith"},
      {"value": "endsWith", "meaning": "CompareMethod 6 EndsWith"},
      {"value": "greaterThan", "meaning": "CompareMethod 7 GreaterThan"},
      {"value": "greaterThanOrEqual", "meaning": "CompareMethod 8 GreaterThanOrEqual"},
      {"value": "lessThan", "meaning": "CompareMethod 9 LessThan"},
      {"value": "lessThanOrEqual", "meaning": "CompareMethod 10 LessThanOrEqual"},
      {"value": "between", "meaning": "CompareMethod 11 Between (value is [lower, upper])"},
      {"value": "isEmpty", "meaning": "CompareMethod 12 IsEmpty"},
      {"value": "isNotEmpty", "meaning": "CompareMethod 13 IsNotEmpty"},
      {"value": "isOneOf", "meaning": "CompareMethod 14 IsOneOf (value is an array)"},
      {"value": "isNotOneOf", "meaning": "CompareMethod 15 IsNotOneOf (value is an array)"},
      {"value": "matchesRegex", "meaning": "CompareMethod 16 MatchesRegex"}
    ],
    "SimpleTimeUnit": [
      {"value": "milliseconds", "meaning": "TimeUnit 0"}, {"value": "seconds", "meaning": "TimeUnit 1"},
      {"value": "minutes", "meaning": "TimeUnit 2"}, {"value": "hours", "meaning": "TimeUnit 3"},
      {"value": "days", "meaning": "TimeUnit 4"}, {"value": "weeks", "meaning": "TimeUnit 5"},
      {"value": "months", "meaning": "TimeUnit 6"}, {"value": "years", "meaning": "TimeUnit 7"}
    ],
    "SimpleAggregation": [
      {"value": "count", "meaning": "AggregateFunction 1"}, {"value": "sum", "meaning": "AggregateFunction 2"},
      {"value": "min", "meaning": "AggregateFunction 3"}, {"value": "average", "meaning": "AggregateFunction 4"},
      {"value": "mean", "meaning": "AggregateFunction 4"}, {"value": "median", "meaning": "AggregateFunction 5"},
      {"value": "max", "meaning": "AggregateFunction 6"}, {"value": "stdDev", "meaning": "AggregateFunction 7"}
    ],
    "SimpleTimeWindow": [
      {"value": "daily"}, {"value": "weekly"}, {"value": "monthly"}, {"value": "quarterly"}, {"value": "yearly"}
    ],
    "SimpleMetric": [
      {"value": "count", "meaning": "occurrences (events)"}, {"value": "caseCount", "meaning": "distinct cases"}
    ],
    "AlertMetric": [
      {"value": "caseDuration", "meaning": "~calc~CaseDuration of each case, in unit"},
      {"value": "eventCount", "meaning": "~calc~EventCount of each case"},
      {"value": "distinctActivityCount", "meaning": "~calc~DistinctActivityCount of each case"},
      {"value": "caseCount", "meaning": "number of cases in the view (fires once)"}
    ],
    "AlertCompare": [
      {"value": "greaterThan"}, {"value": "greaterThanOrEqual"}, {"value": "lessThan"},
      {"value": "lessThanOrEqual"}, {"value": "equals"}, {"value": "notEquals"}
    ],
    "Severity": [{"value": "low"}, {"value": "medium"}, {"value": "high"}, {"value": "critical"}]
  },
  "objectTypes": {
    "relativeDate": [
      {"name": "Time", "type": "datetime", "description": "Used when Variable is 0"},
      {"name": "Variable", "type": "enum", "enum": "RelativeDateVariable", "default": 0},
      {"name": "NumberOfPeriods", "type": "integer", "default": 0},
      {"name": "TimeDirection", "type": "enum", "enum": "TimeDirection", "default": 0},
      {"name": "PeriodsToAdd", "type": "integer", "default": 0, "description": "Shift by that many periods of the variable's unit (day for StartOfDay)"}
    ],
    "aggregation": [
      {"name": "Function", "type": "enum", "enum": "AggregateFunction", "required": true},
      {"name": "ValueColumnName", "type": "column"},
      {"name": "ColumnTitle", "type": "string"},
      {"name": "TimespanAggregateDurationType", "type": "enum", "enum": "TimeUnit", "default": 4}
    ]
  },
  "operators": [
    {"name": "FilterAttribute", "blockType": "Filter", "displayName": "Attribute filter",
     "description": "Keeps the cases whose attribute matches; for an event-level column, the cases with at least one matching event (only events of ActivityNameIfEventAttribute when set). RemoveFilter removes those cases instead.",
     "settings": [
       {"name": "ColumnName", "type": "column", "required": true},
       {"name": "CompareMethod", "type": "enum", "enum": "CompareMethod", "default": 1},
       {"name": "CompareValue", "type": "any"},
       {"name": "CompareArray", "type": "array", "items": "any"},
       {"name": "CompareValueType", "type": "integer", "description": "Value type code as exported (10 for text); informational"},
       {"name": "CompareArrayType", "type": "integer", "description": "Value type code of CompareArray; informational"},
       {"name": "LowerValue", "type": "any"},
       {"name": "UpperValue", "type": "any"},
       {"name": "LowerValueType", "type": "integer"},
       {"name": "UpperValueType", "type": "integer"},
       {"name": "TimeSpanUnits", "type": "enum", "enum": "TimeUnit", "default": 4},
       {"name": "RemoveFilter", "type": "boolean", "default": false},
       {"name": "ActivityNameIfEventAttribute", "type": "string"}
     ],
     "result": {"kind": "view"},
     "simpleForms": [
       {"when": {"filterType": "caseAttribute"}, "names": ["AttributeFilter", "CaseAttributeFilter"],
        "settings": [
          {"name": "attribute", "type": "column", "required": true},
          {"name": "operator", "type": "enum", "enum": "SimpleCompare", "default": "equals"},
          {"name": "value", "type": "any"}
        ]}
     ]},
    {"name": "FilterDate", "blockType": "Filter", "displayName": "Date filter",
     "description": "Keeps cases (or trims events) by time against a range of absolute or relative dates; reports UsedStartDate / UsedEndDate.",
     "settings": [
       {"name": "FilterType", "type": "enum", "enum": "DateFilterType", "default": 1},
       {"name": "StartDateSelection", "type": "relativeDate"},
       {"name": "EndDateSelection", "type": "relativeDate"},
       {"name": "ActivityName", "type": "string", "description": "For FilterType 6"},
       {"name": "AttributeName", "type": "column", "description": "For FilterType 7"},
       {"name": "RemoveFilter", "type": "boolean", "default": false}
     ],
     "result": {"kind": "view", "reports": ["UsedStartDate", "UsedEndDate"]},
     "simpleForms": [
       {"when": {"filterType": "dateRange"}, "names": ["DateFilter", "DateRangeFilter"],
        "settings": [
          {"name": "startDate", "type": "datetime"},
          {"name": "endDate", "type": "datetime"},
          {"name": "dateField", "type": "column", "description": "A datetime column; default the case start (FilterType 1)"}
        ]}
     ]},
    {"name": "FilterActivities", "blockType": "Filter", "displayName": "Activity filter",
     "description": "Keeps cases by the presence of activities, or projects events onto / away from them.",
     "settings": [
       {"name": "ActivityNames", "type": "array", "items": "string", "required": true},
       {"name": "Mode", "type": "enum", "enum": "ActivityFilterMode", "default": "KeepCasesWithAny"}
     ],
     "result": {"kind": "view"},
     "simpleForms": [
       {"when": {"filterType": "activity"}, "names": ["ActivityFilter"],
        "settings": [
          {"name": "activities", "type": "array", "items": "string", "description": "Keep cases with any of them"},
          {"name": "include", "type": "array", "items": "string", "description": "Keep cases with any of them"},
          {"name": "exclude", "type": "array", "items": "string", "description": "Remove cases with any of them"}
        ]}
     ]},
    {"name": "FilterVariants", "blockType": "Filter", "displayName": "Variant filter",
     "description": "Keeps the cases of the TopN most frequent variants, or of the listed variant ids.",
     "settings": [
       {"name": "TopN", "type": "integer"},
       {"name": "VariantIds", "type": "array", "items": "string"},
       {"name": "RemoveFilter", "type": "boolean", "default": false}
     ],
     "result": {"kind": "view"}},
    {"name": "FilterStartEndActivity", "blockType": "Filter", "displayName": "Start / end activity filter",
     "description": "Keeps the cases starting with one of StartActivities and ending with one of EndActivities (an empty list does not restrict).",
     "settings": [
       {"name": "StartActivities", "type": "array", "items": "string"},
       {"name": "EndActivities", "type": "array", "items": "string"}
     ],
     "result": {"kind": "view"}},
    {"name": "FilterFollows", "blockType": "Filter", "displayName": "Follows filter",
     "description": "Keeps the cases where FirstActivity is (directly) followed by SecondActivity; Negate keeps the others.",
     "settings": [
       {"name": "FirstActivity", "type": "string", "required": true},
       {"name": "SecondActivity", "type": "string", "required": true},
       {"name": "Directly", "type": "boolean", "default": false},
       {"name": "Negate", "type": "boolean", "default": false}
     ],
     "result": {"kind": "view"}},
    {"name": "FilterDuration", "blockType": "Filter", "displayName": "Duration filter",
     "description": "Keeps the cases whose timespan column lies in LowerValue..UpperValue (in TimeSpanUnits).",
     "settings": [
       {"name": "ColumnName", "type": "column", "default": "~calc~CaseDuration"},
       {"name": "LowerValue", "type": "number"},
       {"name": "UpperValue", "type": "number"},
       {"name": "TimeSpanUnits", "type": "enum", "enum": "TimeUnit", "default": 4}
     ],
     "result": {"kind": "view"}},
    {"name": "FilterCaseSize", "blockType": "Filter", "displayName": "Case size filter",
     "description": "Keeps the cases with MinEvents..MaxEvents events.",
     "settings": [
       {"name": "MinEvents", "type": "integer"},
       {"name": "MaxEvents", "type": "integer"}
     ],
     "result": {"kind": "view"}},
    {"name": "FilterRework", "blockType": "Filter", "displayName": "Rework filter",
     "description": "Keeps the cases where ActivityName occurs at least MinOccurrences times.",
     "settings": [
       {"name": "ActivityName", "type": "string", "required": true},
       {"name": "MinOccurrences", "type": "integer", "default": 2}
     ],
     "result": {"kind": "view"}},

    {"name": "OperatorDurationBetweenActivities", "blockType": "Enrichment", "displayName": "Duration between activities",
     "description": "Case timespan from the chosen occurrence of the first activity to that of the second (null when either is missing).",
     "settings": [
       {"name": "FirstActivityName", "type": "string", "required": true},
       {"name": "FirstActivityFirstOrLast", "type": "enum", "enum": "FirstOrLast", "default": 1},
       {"name": "SecondActivityName", "type": "string", "required": true},
       {"name": "SecondActivityFirstOrLast", "type": "enum", "enum": "FirstOrLast", "default": 1},
       {"name": "NewAttributeName", "type": "string", "required": true}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "timespan"}]}},
    {"name": "OperatorDurationCategorization", "blockType": "Enrichment", "displayName": "Duration categorization",
     "description": "Categorizes a timespan attribute: Fast (<= FastDuration), Normal, Slow, Very Slow (above SlowDuration), Unknown (null).",
     "settings": [
       {"name": "AttributeName", "type": "column", "required": true},
       {"name": "NewAttributeName", "type": "string", "required": true},
       {"name": "FastDuration", "type": "timespan", "required": true},
       {"name": "NormalDuration", "type": "timespan", "required": true},
       {"name": "SlowDuration", "type": "timespan", "required": true}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "string"}]}},
    {"name": "OperatorTimeDifferenceFromCurrentTime", "blockType": "Enrichment", "displayName": "Time since",
     "description": "Timespan from the attribute's time to now (the frozen time after FreezeLogTime).",
     "settings": [
       {"name": "AttributeName", "type": "column", "required": true},
       {"name": "AttributeValueAsLastTime", "type": "boolean", "default": false},
       {"name": "DurationType", "type": "integer", "description": "Period code as exported (8 seen in exports); informational"},
       {"name": "AllowFractionalPeriods", "type": "boolean", "default": false},
       {"name": "NewAttributeName", "type": "string", "required": true}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "timespan"}]}},
    {"name": "OperatorCaseGroup", "blockType": "Enrichment", "displayName": "Case group",
     "description": "Boolean (or the group name) for the cases that pass the nested filter list.",
     "settings": [
       {"name": "NewAttributepName", "type": "string", "required": true, "description": "Spelt as exported"},
       {"name": "TrueFalseGroup", "type": "boolean", "default": true},
       {"name": "GroupName", "type": "string"},
       {"name": "IsEventAttribute", "type": "boolean", "default": false},
       {"name": "FilterListSettings", "type": "filterList"}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributepName", "type": "boolean or string"}]}},
    {"name": "CaseRepresentativeAttribute", "blockType": "Enrichment", "displayName": "Case representative attribute",
     "description": "Case attribute copied from the first or last event of the given activities.",
     "settings": [
       {"name": "EventColumnName", "type": "column", "required": true},
       {"name": "NewAttributeName", "type": "string", "required": true},
       {"name": "CaseRepresentativeActivityNames", "type": "array", "items": "string"},
       {"name": "CaseRepresentativeEventSelection", "type": "enum", "enum": "FirstOrLast", "default": 1},
       {"name": "SelectLatestEventIfSpecificsAreNull", "type": "boolean", "default": false},
       {"name": "DerivedAttribute", "type": "boolean", "default": true},
       {"name": "FilterListSettings", "type": "filterList"}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "type of EventColumnName"}]}},
    {"name": "FreezeLogTime", "blockType": "Enrichment", "displayName": "Freeze log time",
     "description": "Fixes now for all later blocks of the notebook.",
     "settings": [
       {"name": "FreezeTime", "type": "datetime", "description": "Default: the end of the dataset"}
     ],
     "result": {"kind": "view"}},
    {"name": "OperatorAddDayOfWeek", "blockType": "Enrichment", "displayName": "Day of week",
     "description": "Adds the weekday (Monday..Sunday) of a datetime attribute.",
     "settings": [
       {"name": "AttributeName", "type": "column", "default": "~calc~CaseStart"},
       {"name": "NewAttributeName", "type": "string", "required": true}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "string"}]}},
    {"name": "OperatorBusinessHours", "blockType": "Enrichment", "displayName": "Business hours",
     "description": "Adds whether an event falls inside business hours.",
     "settings": [
       {"name": "AttributeName", "type": "column", "description": "A datetime column; default the time column"},
       {"name": "NewAttributeName", "type": "string", "required": true},
       {"name": "StartTime", "type": "timespan", "default": "09:00:00"},
       {"name": "EndTime", "type": "timespan", "default": "17:00:00"},
       {"name": "WorkDays", "type": "array", "items": "string", "default": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "boolean"}]}},
    {"name": "OperatorCaseDuration", "blockType": "Enrichment", "displayName": "Case duration",
     "description": "Adds the case duration as a timespan case attribute.",
     "settings": [
       {"name": "NewAttributeName", "type": "string", "default": "CaseDuration"}
     ],
     "result": {"kind": "attributes", "adds": [{"setting": "NewAttributeName", "type": "timespan"}]}},

    {"name": "CalculatorDataInformation", "blockType": "Calculator", "displayName": "Data information",
     "description": "Key figures of the view.", "settings": [],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "mixed", "description": "the row's Type: a number (timespans in seconds) or an ISO 8601 UTC text (datetimes)"}, {"name": "Type", "type": "string", "description": "integer, double, datetime or timespan"}],
       "rows": [{"name": "Total Case Count", "type": "integer"}, {"name": "Total Activity Count", "type": "integer", "description": "events"}, {"name": "Activities", "type": "integer", "description": "distinct"}, {"name": "Start Dataset Time", "type": "datetime", "description": "first kept event; null without cases"}, {"name": "End Dataset Time", "type": "datetime", "description": "last kept event; null without cases"}, {"name": "Dataset Timespan", "type": "timespan"}, {"name": "Average Case Time", "type": "timespan"}, {"name": "Median Case Time", "type": "timespan"}, {"name": "Variants", "type": "integer"}, {"name": "Resources", "type": "integer", "description": "distinct"}]}]}},
    {"name": "CalculatorOverview", "blockType": "Calculator", "displayName": "Overview",
     "description": "The data information figures plus start/end activity counts, mean events per case and completed/open cases.", "settings": [],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "mixed", "description": "the row's Type: a number (timespans in seconds) or an ISO 8601 UTC text (datetimes)"}, {"name": "Type", "type": "string", "description": "integer, double, datetime or timespan"}],
       "rows": [{"name": "Total Case Count", "type": "integer"}, {"name": "Total Activity Count", "type": "integer", "description": "events"}, {"name": "Activities", "type": "integer", "description": "distinct"}, {"name": "Start Dataset Time", "type": "datetime", "description": "first kept event; null without cases"}, {"name": "End Dataset Time", "type": "datetime", "description": "last kept event; null without cases"}, {"name": "Dataset Timespan", "type": "timespan"}, {"name": "Average Case Time", "type": "timespan"}, {"name": "Median Case Time", "type": "timespan"}, {"name": "Variants", "type": "integer"}, {"name": "Resources", "type": "integer", "description": "distinct"}, {"name": "Start Activities", "type": "integer", "description": "distinct"}, {"name": "End Activities", "type": "integer", "description": "distinct"}, {"name": "Mean Events Per Case", "type": "double"}, {"name": "Completed Cases", "type": "integer", "description": "cases ending with a final activity: one that is never directly followed by another activity in the view"}, {"name": "Open Cases", "type": "integer", "description": "the other cases"}]}]}},
    {"name": "CalculatorCaseCount", "blockType": "Calculator", "displayName": "Case count",
     "description": "The number of cases in the view.", "settings": [],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "integer"}], "rows": ["Case Count"]}]}},
    {"name": "CalculatorActivityFrequency", "blockType": "Calculator", "displayName": "Activity frequency",
     "description": "Events and cases per activity, most frequent first.",
     "settings": [{"name": "MaxRows", "type": "integer", "description": "The first rows only; 0 or absent: every row"}],
     "result": {"kind": "tables", "tables": [{"name": "Activities", "columns": [{"name": "<activity column name>", "type": "string"}, {"name": "Count", "type": "integer", "description": "events"}, {"name": "Case Count", "type": "integer"}, {"name": "Percent Of Cases", "type": "double", "description": "0..100"}]},
       {"name": "Periods", "description": "Only with the simple form's timeWindow: per period of the event timestamps (UTC; day 2024-07-15, week by its Monday 2024-07-15, month 2024-07, quarter 2024 Q3, year 2024), the metric per activity, periods in time order, each most frequent first", "columns": [{"name": "Period", "type": "string"}, {"name": "<activity column name>", "type": "string"}, {"name": "Count", "type": "integer", "description": "named Case Count with metric caseCount"}]}]},
     "simpleForms": [
       {"when": {"calculationType": "frequency", "groupBy": "activity"}, "names": ["ActivityFrequencyCalculator", "FrequencyCalculator"],
        "settings": [
          {"name": "timeWindow", "type": "enum", "enum": "SimpleTimeWindow", "description": "Adds a Period breakdown"},
          {"name": "metric", "type": "enum", "enum": "SimpleMetric", "default": "count", "description": "Orders the rows and is the value of the Period breakdown"}
        ]}
     ]},
    {"name": "CalculatorResourceFrequency", "blockType": "Calculator", "displayName": "Resource frequency",
     "description": "Events, cases and distinct activities per resource, most frequent first; events without a resource are not counted.",
     "settings": [{"name": "MaxRows", "type": "integer", "description": "The first rows only; 0 or absent: every row"}],
     "result": {"kind": "tables", "tables": [{"name": "Resources", "columns": [{"name": "<resource column name>", "type": "string", "description": "Resource when the dataset maps none"}, {"name": "Count", "type": "integer", "description": "events"}, {"name": "Case Count", "type": "integer"}, {"name": "Activities", "type": "integer", "description": "distinct"}]},
       {"name": "Periods", "description": "Only with the simple form's timeWindow: per period of the event timestamps (UTC; day 2024-07-15, week by its Monday 2024-07-15, month 2024-07, quarter 2024 Q3, year 2024), the metric per resource, periods in time order, each most frequent first", "columns": [{"name": "Period", "type": "string"}, {"name": "<resource column name>", "type": "string"}, {"name": "Count", "type": "integer", "description": "named Case Count with metric caseCount"}]}]},
     "simpleForms": [
       {"when": {"calculationType": "frequency", "groupBy": "resource"}, "names": ["ResourceFrequencyCalculator"],
        "settings": [
          {"name": "timeWindow", "type": "enum", "enum": "SimpleTimeWindow", "description": "Adds a Period breakdown"},
          {"name": "metric", "type": "enum", "enum": "SimpleMetric", "default": "count", "description": "Orders the rows and is the value of the Period breakdown"}
        ]}
     ]},
    {"name": "CalculatorProcessFollows", "blockType": "Calculator", "displayName": "Process map",
     "description": "Directly-follows graph with frequencies and durations, most frequent first (counts and, without start times, mean durations equal PM4Py discover_dfg / discover_performance_dfg). With a start time column edges measure the waiting time from the end of an event to the start of the next (0 when they overlap) and nodes get service times; the Durations table says which.",
     "settings": [
       {"name": "IsLegacyMap", "type": "boolean", "default": false, "description": "Accepted from Studio exports; the figures are the same either way"},
       {"name": "DefaultTopNVariants", "type": "integer", "description": "The first rows of the Variants table only; 0 or absent: every variant"}
     ],
     "result": {"kind": "tables", "tables": [
       {"name": "Nodes", "columns": [{"name": "Activity", "type": "string"}, {"name": "Count", "type": "integer", "description": "events"}, {"name": "Case Count", "type": "integer"}, {"name": "Is Start", "type": "boolean"}, {"name": "Is End", "type": "boolean"}, {"name": "Mean Service Time", "type": "timespan", "description": "only with a start time column (end - start of its events), as the two below"}, {"name": "Median Service Time", "type": "timespan"}, {"name": "Max Service Time", "type": "timespan"}]},
       {"name": "Edges", "columns": [{"name": "From", "type": "string"}, {"name": "To", "type": "string"}, {"name": "Count", "type": "integer"}, {"name": "Case Count", "type": "integer"}, {"name": "Mean Duration", "type": "timespan"}, {"name": "Median Duration", "type": "timespan"}, {"name": "Max Duration", "type": "timespan"}]},
       {"name": "StartActivities", "columns": [{"name": "Activity", "type": "string"}, {"name": "Count", "type": "integer", "description": "cases starting with it"}]},
       {"name": "EndActivities", "columns": [{"name": "Activity", "type": "string"}, {"name": "Count", "type": "integer", "description": "cases ending with it"}]},
       {"name": "Variants", "columns": [{"name": "Variant", "type": "string", "description": "the stable variant id (~calc~Variant, FilterVariants VariantIds)"}, {"name": "Activities", "type": "string", "description": "A -> B -> C"}, {"name": "Count", "type": "integer"}, {"name": "Percent", "type": "double", "description": "of the cases, 0..100"}, {"name": "Mean Duration", "type": "timespan", "description": "of its cases"}]},
       {"name": "Durations", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "string"}], "rows": [{"name": "Edge Duration", "description": "Waiting (start time column) or EndToEnd"}]}]}},
    {"name": "CalculatorVariants", "blockType": "Calculator", "displayName": "Variants",
     "description": "The variants (activity sequences of the cases), most frequent first.",
     "settings": [{"name": "TopN", "type": "integer", "description": "The first rows only; 0 or absent: every variant"}],
     "result": {"kind": "tables", "tables": [{"name": "Variants", "columns": [{"name": "Variant", "type": "string", "description": "the stable variant id (~calc~Variant, FilterVariants VariantIds)"}, {"name": "Activities", "type": "string", "description": "A -> B -> C"}, {"name": "Count", "type": "integer"}, {"name": "Percent", "type": "double", "description": "of the cases, 0..100"}, {"name": "Mean Duration", "type": "timespan", "description": "of its cases"}]}]}},
    {"name": "CalculatorCaseDuration", "blockType": "Calculator", "displayName": "Case duration",
     "description": "Duration statistics of the cases and a histogram, in Unit (a month is 365.2425 / 12 days, a year 365.2425 days). With StartActivity and/or EndActivity a case is measured from the first occurrence of the start activity (else its first event) to the last occurrence of the end activity (else its last event); cases lacking either, or where that end precedes that start, are left out.",
     "settings": [
       {"name": "StartActivity", "type": "string"},
       {"name": "EndActivity", "type": "string"},
       {"name": "Unit", "type": "enum", "enum": "TimeUnit", "default": 4},
       {"name": "Aggregation", "type": "enum", "enum": "AggregateFunction", "default": 4}
     ],
     "result": {"kind": "tables", "tables": [
       {"name": "Statistics", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "double"}], "rows": [{"name": "Count", "description": "cases measured"}, {"name": "Mean"}, {"name": "Median"}, {"name": "Min"}, {"name": "Max"}, {"name": "P90", "description": "linear interpolation between closest ranks"}, {"name": "P95"}, {"name": "Aggregate", "description": "the Aggregation: Count and DistinctCount as numbers, Percent of the view's cases (0..100), StdDev the sample deviation, the others in Unit"}]},
       {"name": "Histogram", "description": "Sturges' rule: ceil(log2(n) + 1) bins of equal width from the shortest to the longest duration, the last closed; no rows without cases", "columns": [{"name": "Lower Bound", "type": "double"}, {"name": "Upper Bound", "type": "double"}, {"name": "Case Count", "type": "integer"}]}]},
     "simpleForms": [
       {"when": {"calculationType": "duration"}, "names": ["DurationCalculator"],
        "settings": [
          {"name": "startActivity", "type": "string"},
          {"name": "endActivity", "type": "string"},
          {"name": "unit", "type": "enum", "enum": "SimpleTimeUnit", "default": "days"},
          {"name": "aggregation", "type": "enum", "enum": "SimpleAggregation", "default": "average"}
        ]}
     ]},
    {"name": "CalculatorPairPerformance", "blockType": "Calculator", "displayName": "Pair performance",
     "description": "Durations from an activity to the next different activity (from the first event of a run of the same activity to the next event), for pairs present in at least CasePercentThreshold percent of the cases.",
     "settings": [
       {"name": "CasePercentThreshold", "type": "number", "default": 0, "description": "0..100"},
       {"name": "StatisticsType", "type": "enum", "enum": "PairStatistics", "default": 1, "description": "Orders the pairs, the slowest first"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Pairs", "columns": [{"name": "Activity Pair", "type": "string"}, {"name": "Case Count", "type": "integer"}, {"name": "Mean Duration", "type": "timespan"}, {"name": "Median Duration", "type": "timespan"}, {"name": "Max Duration", "type": "timespan"}]}]}},
    {"name": "CalculatorCaseStage", "blockType": "Calculator", "displayName": "Case stage",
     "description": "Cases currently in the stage (the view after FilterListSettings), longest waiting first, with their waiting time and severity: High from HighThreshold on, Medium from MediumThreshold on, else Low (Unknown without a time). TimeColumnName is a timespan (the waiting time) or a datetime (waiting since, until now); an event attribute counts with its last kept value. With GenerateAlarms, one alarm per Medium or High case; MessageTemplate may use {CaseId}, {StageName}, {WaitingTime} (in TimeSpanUnits), {Severity} and {<attribute>} of the list and detail attributes.",
     "settings": [
       {"name": "StageName", "type": "string", "required": true},
       {"name": "TimeColumnName", "type": "column", "required": true},
       {"name": "MediumThreshold", "type": "timespan"},
       {"name": "HighThreshold", "type": "timespan"},
       {"name": "TimeSpanUnits", "type": "enum", "enum": "TimeUnit", "default": 2},
       {"name": "GenerateAlarms", "type": "boolean", "default": false},
       {"name": "ListAttributes", "type": "array", "items": "column"},
       {"name": "DetailAttributes", "type": "array", "items": "column"},
       {"name": "MessageTemplate", "type": "string"},
       {"name": "FilterListSettings", "type": "filterList"}
     ],
     "result": {"kind": "tables", "tables": [
       {"name": "Cases", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Waiting Time", "type": "timespan"}, {"name": "Severity", "type": "string"}, {"name": "<ListAttributes, then DetailAttributes>", "type": "type of the attribute"}]},
       {"name": "Alarms", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Severity", "type": "string"}, {"name": "Message", "type": "string"}]}]}},
    {"name": "CalculatorRate", "blockType": "Calculator", "displayName": "Rate",
     "description": "Share of cases passing the nested filters: Percent, Count (passing), Total (input), and Aggregate, the Function of ValueColumnName over the passing cases (Percent without a column: the Percent row).",
     "settings": [
       {"name": "Function", "type": "enum", "enum": "AggregateFunction", "default": 9},
       {"name": "ValueColumnName", "type": "column"},
       {"name": "FilterListSettings", "type": "filterList"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "double"}], "rows": ["Percent", "Count", "Total", "Aggregate"]}]}},
    {"name": "CalculatorTrend", "blockType": "Calculator", "displayName": "Trend",
     "description": "The aggregate for two groups (group 1 the baseline, group 2 the current; each the input after its FilterListSettings, e.g. date filters for two periods), the change (2 - 1), its percent of group 1 and whether it is good (null without change). TrendType 2 aggregates the first or last (ActivitySelection) ValueActivityName event of each case instead of the case. One row All, then one per value of BreakdownAttributeName (a case attribute). Percent without a column relates to the row's cases.",
     "settings": [
       {"name": "TrendType", "type": "enum", "enum": "TrendType", "default": 1},
       {"name": "TrendGroupName1", "type": "string"},
       {"name": "TrendGroupName2", "type": "string"},
       {"name": "Function", "type": "enum", "enum": "AggregateFunction", "default": 1},
       {"name": "ValueColumnName", "type": "column"},
       {"name": "TimespanAggregateDurationType", "type": "enum", "enum": "TimeUnit", "default": 4},
       {"name": "ValueActivityName", "type": "string"},
       {"name": "ActivitySelection", "type": "enum", "enum": "FirstOrLast", "default": 1},
       {"name": "BreakdownAttributeName", "type": "column"},
       {"name": "IsIncreaseGood", "type": "boolean", "default": true},
       {"name": "FilterListSettings1", "type": "filterList"},
       {"name": "FilterListSettings2", "type": "filterList"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Trend", "columns": [{"name": "Breakdown", "type": "string"}, {"name": "Group 1", "type": "double"}, {"name": "Group 2", "type": "double"}, {"name": "Change", "type": "double"}, {"name": "Change Percent", "type": "double"}, {"name": "Is Good", "type": "boolean"}, {"name": "Group 1 Cases", "type": "integer"}, {"name": "Group 2 Cases", "type": "integer"}]}], "reports": ["groupName1", "groupName2"]}},
    {"name": "CalculatorValueOverTime", "blockType": "Calculator", "displayName": "Value over time",
     "description": "The aggregate per day, ISO week (2011-W01), month, quarter or year (UTC) of each case's date, every period from the first to the last (the latest MaxTimePeriods). The date is DateAttributeName (an event attribute: its first or last value, ActivitySelectionType); with DateActivityName, that of the activity's first or last occurrence (its DateAttributeName value when that is an event attribute, else its timestamp), cases without it left out.",
     "settings": [
       {"name": "DateAttributeName", "type": "column", "default": "~calc~CaseStart"},
       {"name": "DateActivityName", "type": "string"},
       {"name": "ActivitySelectionType", "type": "enum", "enum": "FirstOrLast", "default": 1},
       {"name": "OverTimePeriod", "type": "enum", "enum": "OverTimePeriod", "default": 3},
       {"name": "MaxTimePeriods", "type": "integer"},
       {"name": "Function", "type": "enum", "enum": "AggregateFunction", "default": 1},
       {"name": "ValueColumnName", "type": "column"},
       {"name": "TimespanAggregateDurationType", "type": "enum", "enum": "TimeUnit", "default": 4},
       {"name": "FilterListSettings", "type": "filterList"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Period", "type": "string"}, {"name": "Period Start", "type": "datetime"}, {"name": "Value", "type": "double"}, {"name": "Case Count", "type": "integer"}]}]}},
    {"name": "CalculatorPivotOneRow", "blockType": "Calculator", "displayName": "Pivot",
     "description": "One row per combination of category values, one column per aggregation (a Count without AggregationSettingsList); rows are cases, or events when a category is an event attribute. Sorted by SortColumnName (default the first aggregation), cut to MaxRows.",
     "settings": [
       {"name": "CategoryColumnNames", "type": "array", "items": "column", "required": true},
       {"name": "AggregationSettingsList", "type": "array", "items": "aggregation"},
       {"name": "SortColumnName", "type": "string"},
       {"name": "SortOrder", "type": "enum", "enum": "SortOrder", "default": 2},
       {"name": "MaxRows", "type": "integer"},
       {"name": "FilterList", "type": "filterList"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Pivot", "columns": [{"name": "<CategoryColumnNames>", "type": "string"}, {"name": "<ColumnTitle of each aggregation>", "type": "double"}]}]}},
    {"name": "CalculatorProcessPerformanceMatrix", "blockType": "Calculator", "displayName": "Performance vs conformance matrix",
     "description": "Case counts by performance category (a case attribute; Unknown when empty) and conformance: a case does not conform when ConformanceIssueAttribute holds (true, non-zero or non-empty text other than false and 0; an event attribute: on some kept event).",
     "settings": [
       {"name": "ConformanceIssueAttribute", "type": "column", "required": true},
       {"name": "PerformanceAttributeName", "type": "column", "required": true}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Matrix", "columns": [{"name": "Performance", "type": "string"}, {"name": "Conforming", "type": "integer"}, {"name": "Not Conforming", "type": "integer"}, {"name": "Total", "type": "integer"}]}]}},
    {"name": "CalculatorResourcePerformanceVsConformance", "blockType": "Calculator", "displayName": "Resource performance vs conformance",
     "description": "Per resource (default the mapped resource column; an event attribute counts the cases it worked on): case count, the PerformanceAggregationMethod of PerformanceColumnName over those cases (an event attribute: over the resource's events) and the percent of them without a conformance issue (ConformanceColumnName holds: see CalculatorProcessPerformanceMatrix). Most cases first; MinimumCaseCount and MaxGroups cut.",
     "settings": [
       {"name": "ResourceColumnName", "type": "column"},
       {"name": "PerformanceColumnName", "type": "column", "required": true},
       {"name": "ConformanceColumnName", "type": "column", "required": true},
       {"name": "PerformanceAggregationMethod", "type": "enum", "enum": "AggregateFunction", "default": 4},
       {"name": "TimespanAggregateDurationType", "type": "enum", "enum": "TimeUnit", "default": 4},
       {"name": "MinimumCaseCount", "type": "integer", "default": 1},
       {"name": "MaxGroups", "type": "integer"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Resources", "columns": [{"name": "Resource", "type": "string"}, {"name": "Case Count", "type": "integer"}, {"name": "Performance", "type": "double"}, {"name": "Conformance Rate", "type": "double"}]}]}},
    {"name": "CalculatorDecisionTree", "blockType": "Calculator", "displayName": "Root causes",
     "description": "Attribute = value combinations (up to three, found by a greedy narrowing search; an event attribute's condition holds when some kept event has the value) whose outcome rate exceeds the base rate by LikelihoodIncreaseThreshold percent, chosen greedily by the outcome cases they explain that earlier ones did not.",
     "settings": [
       {"name": "InputColumnNames", "type": "array", "items": "column"},
       {"name": "AutoInput", "type": "boolean", "default": true, "description": "Without InputColumnNames: the activity, resource and text or boolean attribute columns"},
       {"name": "MinPercent", "type": "number", "default": 5, "description": "Percent of the outcome cases a root cause must cover"},
       {"name": "MinCaseCount", "type": "integer", "default": 10, "description": "Cases a root cause must cover"},
       {"name": "LikelihoodIncreaseThreshold", "type": "number", "default": 20, "description": "Percent by which a root cause's outcome rate must exceed the base rate"},
       {"name": "PercentExplainedThreshold", "type": "number", "default": 80, "description": "Stop once the root causes cover this percent of the outcome cases"},
       {"name": "MaximumRootCauses", "type": "integer", "default": 10},
       {"name": "CategoryPercentThreshold", "type": "number", "default": 1, "description": "Percent of the cases an attribute value must cover to be a condition"},
       {"name": "OutcomeName", "type": "string", "description": "The outcome's name; a boolean column defines the outcome when FilterListSettings is empty"},
       {"name": "FilterListSettings", "type": "filterList", "description": "Defines the outcome: the cases passing it"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "RootCauses", "columns": [{"name": "Root Cause", "type": "string"}, {"name": "Case Count", "type": "integer"}, {"name": "Outcome Count", "type": "integer"}, {"name": "Outcome Rate", "type": "double"}, {"name": "Lift", "type": "double"}]}], "reports": ["outcomeName", "caseCount", "outcomeCount", "baseRate", "percentExplained"]}},
    {"name": "CalculatorConformance", "blockType": "Calculator", "displayName": "Conformance",
     "description": "Fitness per case against the expected activity order, aligned along a longest common subsequence: fitness 2 x matched / (case events + expected activities), the alignment fitness of a sequential model. Deviations: Missing (an expected activity the case lacks), Out Of Order (one it has elsewhere), Extra (an unexpected or repeated activity). ModelText (BPMN / PNML) is not supported yet.",
     "settings": [
       {"name": "ExpectedOrder", "type": "array", "items": "string"},
       {"name": "ModelText", "type": "string", "description": "BPMN or PNML text: not supported yet, use ExpectedOrder"}
     ],
     "result": {"kind": "tables", "tables": [
       {"name": "Cases", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Fitness", "type": "double"}, {"name": "Missing", "type": "integer"}, {"name": "Extra", "type": "integer"}, {"name": "Out Of Order", "type": "integer"}, {"name": "Is Conforming", "type": "boolean"}]},
       {"name": "Deviations", "columns": [{"name": "Deviation", "type": "string"}, {"name": "Activity", "type": "string"}, {"name": "Case Count", "type": "integer"}, {"name": "Percent Of Cases", "type": "double"}]},
       {"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "double"}], "rows": ["Case Count", "Conforming Cases", "Conforming Percent", "Average Fitness"]}]}},
    {"name": "CalculatorFormula", "blockType": "Calculator", "displayName": "Custom KPI",
     "description": "A formula over the named figures of CalculatorOverview: + - * / and parentheses over numbers and the figure names in camelCase (totalCaseCount, completedCases, averageCaseTime, ...; totalCases and totalEvents as aliases; names ignore case), e.g. completedCases / totalCases * 100. Timespans count in seconds, datetimes in seconds since 1970.",
     "settings": [
       {"name": "Formula", "type": "string", "required": true},
       {"name": "ResultUnit", "type": "string", "description": "Reported in the Unit column"},
       {"name": "Name", "type": "string", "description": "The row's Name; the formula when absent"}
     ],
     "result": {"kind": "tables", "tables": [{"name": "Values", "columns": [{"name": "Name", "type": "string"}, {"name": "Value", "type": "double", "description": "null when not finite (division by zero)"}, {"name": "Unit", "type": "string"}]}]},
     "simpleForms": [{"when": {"calculationType": "custom"}, "names": ["CustomCalculator", "KpiCalculator"]}]},

    {"name": "AlertThreshold", "blockType": "Alert", "displayName": "Threshold alert",
     "description": "Fires for the cases whose metric compares to the threshold (caseDuration in Unit); caseCount compares the number of cases once.",
     "settings": [
       {"name": "Metric", "type": "enum", "enum": "AlertMetric", "required": true},
       {"name": "Operator", "type": "enum", "enum": "AlertCompare", "default": "greaterThan"},
       {"name": "Threshold", "type": "number", "required": true},
       {"name": "Unit", "type": "enum", "enum": "SimpleTimeUnit", "default": "hours"},
       {"name": "Severity", "type": "enum", "enum": "Severity", "default": "medium"}
     ],
     "result": {"kind": "alert", "tables": [{"name": "Alert", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Value", "type": "double"}, {"name": "Severity", "type": "string"}]}], "reports": ["triggered", "count"]},
     "simpleForms": [{"when": {"alertType": "threshold"}, "names": ["ThresholdAlert"]}]},
    {"name": "AlertPatternDeviation", "blockType": "Alert", "displayName": "Pattern deviation alert",
     "description": "Fires when at least MinOccurrences cases deviate from the baseline pattern (their activity sequence differs) and their share of the cases exceeds the tolerance. Value: the case's activity path.",
     "settings": [
       {"name": "BaselinePattern", "type": "string", "required": true, "description": "Activities joined by ->"},
       {"name": "DeviationTolerance", "type": "number", "default": 0, "description": "A fraction of the cases: 0.1 is 10%"},
       {"name": "MinOccurrences", "type": "integer", "default": 1},
       {"name": "Severity", "type": "enum", "enum": "Severity", "default": "medium"}
     ],
     "result": {"kind": "alert", "tables": [{"name": "Alert", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Value", "type": "string"}, {"name": "Severity", "type": "string"}]}], "reports": ["triggered", "count", "deviationRate"]},
     "simpleForms": [{"when": {"alertType": "patternDeviation"}, "names": ["PatternDeviationAlert"]}]},
    {"name": "AlertCompliance", "blockType": "Alert", "displayName": "Compliance alert",
     "description": "Fires for the cases meeting the condition (all cases without one; an event attribute: on some kept event) that lack the required activity. Value: the first value meeting the condition.",
     "settings": [
       {"name": "Rule", "type": "string", "required": true},
       {"name": "Condition", "type": "string", "description": "<column> <op> <value> with op > >= < <= = != (a dataset or ~calc~ column), e.g. amount > 1000"},
       {"name": "RequiredActivity", "type": "string", "required": true},
       {"name": "Severity", "type": "enum", "enum": "Severity", "default": "medium"}
     ],
     "result": {"kind": "alert", "tables": [{"name": "Alert", "columns": [{"name": "Case Id", "type": "string"}, {"name": "Value", "type": "string"}, {"name": "Severity", "type": "string"}]}], "reports": ["triggered", "count", "rule"]},
     "simpleForms": [{"when": {"alertType": "compliance"}, "names": ["ComplianceAlert"]}]},

    {"name": "SelectorFullCalculator", "blockType": "Selector", "displayName": "Full result",
     "description": "The whole result of a calculator block: its tables; DisplayType, JsonText (as display), DefaultPanelType and DefaultPanelSize are reported for the panel.",
     "settings": [
       {"name": "CalculatorBlockId", "type": "string", "required": true},
       {"name": "DisplayType", "type": "string"},
       {"name": "JsonText", "type": "jsonText"},
       {"name": "DefaultPanelSize", "type": "integer"},
       {"name": "DefaultPanelType", "type": "string"}
     ],
     "result": {"kind": "panel", "tables": [{"name": "<the calculator's tables>"}], "reports": ["displayType", "display", "defaultPanelType", "defaultPanelSize"]}},
    {"name": "SelectorSingleValueFromLabel", "blockType": "Selector", "displayName": "Value by label",
     "description": "The value in the first row whose label is LabelName (exactly, else ignoring case), with its text in FormatText (.NET: N0, F2, P0, C, D, E, G, X, custom #,##0.00, dates, A = automatic).",
     "settings": [
       {"name": "CalculatorBlockId", "type": "string", "description": "The calculator block whose result is read (the selector's parent)"},
       {"name": "TableIndex", "type": "integer", "default": 0},
       {"name": "LabelColumnName", "type": "string", "default": "Name"},
       {"name": "LabelName", "type": "string", "required": true},
       {"name": "ValueColumnName", "type": "string", "default": "Value"},
       {"name": "FormatText", "type": "string", "default": "A"}
     ],
     "result": {"kind": "panel", "tables": [{"name": "Value", "columns": [{"name": "Label", "type": "string"}, {"name": "Value", "type": "type of the value column"}, {"name": "Text", "type": "string"}]}], "reports": ["value", "text"]}},
    {"name": "SelectorSingleValue", "blockType": "Selector", "displayName": "Single value",
     "description": "The single value of a one-value result: a one-row table's only column, else its Value column.",
     "settings": [
       {"name": "CalculatorBlockId", "type": "string", "description": "The calculator block whose result is read (the selector's parent)"},
       {"name": "TableIndex", "type": "integer", "default": 0},
       {"name": "FormatText", "type": "string", "default": "A"}
     ],
     "result": {"kind": "panel", "tables": [{"name": "Value", "columns": [{"name": "Label", "type": "string"}, {"name": "Value", "type": "type of the value column"}, {"name": "Text", "type": "string"}]}], "reports": ["value", "text"]}},
    {"name": "SelectorMultiColumns", "blockType": "Selector", "displayName": "Columns",
     "description": "The chosen columns (all when ColumnNames is empty), sorted by SortColumnName, cut to MaxRows, reversed when PanelDataReversed; Text holds the same cells in FormatText.",
     "settings": [
       {"name": "CalculatorBlockId", "type": "string", "description": "The calculator block whose result is read (the selector's parent)"},
       {"name": "TableIndex", "type": "integer", "default": 0},
       {"name": "ColumnNames", "type": "array", "items": "string"},
       {"name": "SortColumnName", "type": "string"},
       {"name": "SortAscending", "type": "boolean", "default": false},
       {"name": "MaxRows", "type": "integer"},
       {"name": "PanelDataReversed", "type": "boolean", "default": false},
       {"name": "FormatText", "type": "string", "default": "A"}
     ],
     "result": {"kind": "panel", "tables": [{"name": "Columns", "columns": [{"name": "<ColumnNames>", "type": "type of the source column"}]}, {"name": "Text", "columns": [{"name": "<ColumnNames>", "type": "string"}]}]}}
  ],
  "resultKinds": {
    "view": "The input view, narrowed (filters) or unchanged; no tables.",
    "attributes": "The input view plus the attributes listed in adds.",
    "tables": "A list of tables, each {name, columns: [{name, type}], rows}; selectors address tables by index and columns by name.",
    "alert": "Table Alert {Case Id, Value, Severity} plus triggered (boolean) and count.",
    "panel": "A dashboard panel value taken from the calculator block's result."
  }
}
)catalog";

}  // namespace

const nlohmann::ordered_json& operator_catalog() {
    static const nlohmann::ordered_json catalog = nlohmann::ordered_json::parse(kCatalog);
    return catalog;
}

}  // namespace pmstudio::mining
