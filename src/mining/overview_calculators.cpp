#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "common/text.h"
#include "mining/calculators.h"
#include "mining/formula.h"
#include "mining/overview_figures.h"

namespace pmstudio::mining {
namespace {

// Name, Value and the value's Type (integer, double, datetime, timespan), one row per figure.
OperatorOutput values_output(const std::vector<Figure>& figures) {
    ResultTable values{.name = "Values"};
    values.column("Name", "string").column("Value", "mixed").column("Type", "string");
    for (const Figure& figure : figures) values.add_row({figure.name, figure.cell, figure.type});
    return tables_output({std::move(values)});
}

// "Total Case Count" -> "totalCaseCount": how a formula names a figure.
std::string camel_case(std::string_view name) {
    std::string out;
    bool word_start = false;
    for (char ch : name) {
        if (ch == ' ') {
            word_start = true;
            continue;
        }
        const auto byte = static_cast<unsigned char>(ch);
        out += static_cast<char>(out.empty()  ? std::tolower(byte)
                                 : word_start ? std::toupper(byte)
                                              : ch);
        word_start = false;
    }
    return out;
}

// Shorter names the API reference's example formula uses.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"totalCases", "Total Case Count"},
    {"totalEvents", "Total Activity Count"},
};

// The figure a formula identifier names (camelCase or an alias, ignoring case).
const Figure& figure_named(const std::vector<Figure>& figures, std::string_view identifier) {
    std::string_view name;
    for (const auto& [alias, figure_name] : kAliases) {
        if (iequals(alias, identifier)) name = figure_name;
    }
    for (const Figure& figure : figures) {
        if (figure.name == name || iequals(camel_case(figure.name), identifier)) return figure;
    }
    std::string known;
    for (const Figure& figure : figures) known += camel_case(figure.name) + ", ";
    for (const auto& [alias, figure_name] : kAliases) known += std::string(alias) + ", ";
    known.resize(known.size() - 2);
    throw OperatorError(
        fmt::format("Formula names an unknown figure '{}'; known: {}", identifier, known));
}

}  // namespace

OperatorOutput data_information_calculator(const AnalysisState& input, const OperatorSettings&,
                                           const OperatorContext&) {
    return values_output(data_information_figures(input));
}

OperatorOutput overview_calculator(const AnalysisState& input, const OperatorSettings&,
                                   const OperatorContext&) {
    return values_output(overview_figures(input));
}

OperatorOutput formula_calculator(const AnalysisState& input, const OperatorSettings& settings,
                                  const OperatorContext&) {
    settings.require("Formula");
    const std::string text = *settings.text("Formula");
    const Formula formula(text);
    const std::vector<Figure> figures = overview_figures(input);
    std::vector<double> values;
    for (const std::string& identifier : formula.identifiers()) {
        values.push_back(figure_named(figures, identifier).number);
    }
    const double value = formula.evaluate(values);
    ResultTable table{.name = "Values"};
    table.column("Name", "string").column("Value", "double").column("Unit", "string");
    const auto unit = settings.text("ResultUnit");
    table.add_row({settings.text("Name").value_or(text),
                   std::isfinite(value) ? Json(value) : Json(nullptr),
                   unit ? Json(*unit) : Json(nullptr)});
    return tables_output({std::move(table)});
}

}  // namespace pmstudio::mining
