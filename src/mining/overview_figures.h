#pragma once

#include <string>
#include <vector>

#include "mining/analysis_state.h"
#include "mining/operator_settings.h"

namespace pmstudio::mining {

// A named figure of a view: a row of the Values table of CalculatorDataInformation or
// CalculatorOverview, and a number CalculatorFormula can use.
struct Figure {
    std::string name;  // "Total Case Count"
    std::string type;  // integer, double, datetime or timespan
    Json cell;         // a number (timespans in seconds), an ISO 8601 UTC text, or null
    double number;     // timespans in seconds, datetimes in seconds since 1970; NaN for null
};

// The data information figures: Total Case Count, Total Activity Count (events), Activities,
// Start / End Dataset Time (first and last kept event; null without cases), Dataset Timespan,
// Average / Median Case Time, Variants, Resources (distinct among the kept events).
std::vector<Figure> data_information_figures(const AnalysisState& state);

// Those plus Start Activities, End Activities (distinct), Mean Events Per Case, Completed Cases
// (cases ending with a final activity: one that no kept event of it is ever directly followed
// by another activity) and Open Cases (the others).
std::vector<Figure> overview_figures(const AnalysisState& state);

}  // namespace pmstudio::mining
