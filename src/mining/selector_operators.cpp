#include "mining/selector_operators.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/text.h"
#include "eventlog/time_format.h"
#include "mining/dotnet_date_format.h"
#include "mining/dotnet_format.h"
#include "mining/result_cells.h"

namespace pmstudio::mining {
namespace {

struct CalculatorResult {
    std::string block_id;
    const std::vector<ResultTable>* tables;
};

CalculatorResult calculator_result(const OperatorSettings& settings,
                                   const OperatorContext& context) {
    const std::string id = settings.require("CalculatorBlockId").get<std::string>();
    const std::vector<ResultTable>* tables =
        context.block_tables ? context.block_tables(id) : nullptr;
    if (tables == nullptr) {
        throw OperatorError(fmt::format("Calculator block '{}' has no result", id));
    }
    return {id, tables};
}

const ResultTable& table_at(const CalculatorResult& result, const OperatorSettings& settings) {
    const int64_t index = settings.integer("TableIndex").value_or(0);
    if (index < 0 || static_cast<size_t>(index) >= result.tables->size()) {
        throw OperatorError(
            fmt::format("Calculator block '{}' has no table {} (TableIndex); it has {}",
                        result.block_id, index, result.tables->size()));
    }
    return (*result.tables)[static_cast<size_t>(index)];
}

size_t column_of(const ResultTable& table, const std::string& name, std::string_view setting) {
    if (const auto index = find_column(table, name)) return *index;
    throw OperatorError(
        fmt::format("Table '{}' has no column '{}' ({})", table.name, name, setting));
}

// The "Value" table of the single-value selectors: Label, the value in its own type, and Text.
OperatorOutput single_value(const Json& label, const Json& value, const std::string& type,
                            const OperatorSettings& settings) {
    const std::string text = format_cell(value, type, settings.text("FormatText").value_or("A"));
    ResultTable table{.name = "Value"};
    table.column("Label", "string").column("Value", type).column("Text", "string");
    table.add_row({label, value, text});
    OperatorOutput output;
    output.tables.push_back(std::move(table));
    output.details = {{"value", value}, {"text", text}};
    return output;
}

// ---- SelectorFullCalculator ----

OperatorOutput full_calculator(const AnalysisState&, const OperatorSettings& settings,
                               const OperatorContext& context) {
    OperatorOutput output;
    output.tables = *calculator_result(settings, context).tables;
    if (const auto type = settings.text("DisplayType")) output.details["displayType"] = *type;
    if (const Json display = settings.json("JsonText"); !display.is_null()) {
        output.details["display"] = display;
    }
    if (const auto type = settings.text("DefaultPanelType")) {
        output.details["defaultPanelType"] = *type;
    }
    if (const auto size = settings.integer("DefaultPanelSize")) {
        output.details["defaultPanelSize"] = *size;
    }
    return output;
}

// ---- SelectorSingleValueFromLabel ----

// The first row whose label is LabelName (exactly, else ignoring case).
OperatorOutput single_value_from_label(const AnalysisState&, const OperatorSettings& settings,
                                       const OperatorContext& context) {
    const ResultTable& table = table_at(calculator_result(settings, context), settings);
    const size_t label_column =
        column_of(table, settings.text("LabelColumnName").value_or("Name"), "LabelColumnName");
    const size_t value_column =
        column_of(table, settings.text("ValueColumnName").value_or("Value"), "ValueColumnName");
    const std::string label = settings.require("LabelName").get<std::string>();
    const auto label_of = [&](const Json& row) {
        const Json& cell = row[label_column];
        return cell.is_string() ? cell.get<std::string>() : cell.dump();
    };
    for (const bool exact : {true, false}) {
        for (const Json& row : table.rows) {
            if (exact ? label_of(row) == label : iequals(label_of(row), label)) {
                return single_value(label_of(row), row[value_column],
                                    table.columns[value_column].type, settings);
            }
        }
    }
    throw OperatorError(fmt::format("Table '{}' has no row whose {} is '{}' (LabelName)",
                                    table.name, table.columns[label_column].name, label));
}

// ---- SelectorSingleValue ----

// A one-row table: its only column, else its "Value" column.
OperatorOutput single_value_of_result(const AnalysisState&, const OperatorSettings& settings,
                                      const OperatorContext& context) {
    const ResultTable& table = table_at(calculator_result(settings, context), settings);
    if (table.rows.size() != 1) {
        throw OperatorError(
            fmt::format("SelectorSingleValue needs a result with one value; table '{}' has {} rows",
                        table.name, table.rows.size()));
    }
    const size_t column =
        table.columns.size() == 1 ? 0 : column_of(table, "Value", "SelectorSingleValue");
    return single_value(table.columns[column].name, table.rows[0][column],
                        table.columns[column].type, settings);
}

// ---- SelectorMultiColumns ----

// ColumnNames (all columns when empty), sorted by SortColumnName, cut to MaxRows, reversed when
// PanelDataReversed; "Columns" holds the values, "Text" the same cells formatted.
OperatorOutput multi_columns(const AnalysisState&, const OperatorSettings& settings,
                             const OperatorContext& context) {
    const ResultTable& source = table_at(calculator_result(settings, context), settings);
    std::vector<size_t> chosen;
    for (const std::string& name : settings.strings("ColumnNames")) {
        chosen.push_back(column_of(source, name, "ColumnNames"));
    }
    if (chosen.empty()) {
        for (size_t i = 0; i < source.columns.size(); ++i) chosen.push_back(i);
    }
    ResultTable sorted = source;
    if (const auto name = settings.text("SortColumnName")) {
        sort_rows(sorted, column_of(source, *name, "SortColumnName"),
                  settings.boolean("SortAscending").value_or(false));
    }
    keep_rows(sorted, settings.integer("MaxRows"));
    if (settings.boolean("PanelDataReversed").value_or(false)) {
        std::reverse(sorted.rows.begin(), sorted.rows.end());
    }
    const std::string format = settings.text("FormatText").value_or("A");
    ResultTable values{.name = "Columns"};
    ResultTable texts{.name = "Text"};
    for (size_t index : chosen) {
        values.column(source.columns[index].name, source.columns[index].type);
        texts.column(source.columns[index].name, "string");
    }
    for (const Json& row : sorted.rows) {
        Json value_row = Json::array();
        Json text_row = Json::array();
        for (size_t index : chosen) {
            value_row.push_back(row[index]);
            text_row.push_back(format_cell(row[index], source.columns[index].type, format));
        }
        values.add_row(std::move(value_row));
        texts.add_row(std::move(text_row));
    }
    OperatorOutput output;
    output.tables.push_back(std::move(values));
    output.tables.push_back(std::move(texts));
    return output;
}

}  // namespace

std::string format_cell(const Json& cell, std::string_view column_type, std::string_view format) {
    if (cell.is_null()) return {};
    if (cell.is_boolean()) return cell.get<bool>() ? "True" : "False";
    if (cell.is_string()) {
        const auto micros = column_type == "datetime"
                                ? parse_datetime_micros(cell.get<std::string>())
                                : std::nullopt;
        return micros ? format_datetime(*micros, format) : cell.get<std::string>();
    }
    if (column_type == "timespan") {
        return format_timespan(std::llround(cell.get<double>() * eventlog::kMicrosPerSecond),
                               format);
    }
    if (cell.is_number_integer()) return format_integer(cell.get<int64_t>(), format);
    return format_number(cell.get<double>(), format);
}

std::vector<NamedImplementation> selector_implementations() {
    return {{"SelectorFullCalculator", full_calculator},
            {"SelectorSingleValueFromLabel", single_value_from_label},
            {"SelectorSingleValue", single_value_of_result},
            {"SelectorMultiColumns", multi_columns}};
}

}  // namespace pmstudio::mining
