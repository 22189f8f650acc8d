#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pmstudio::mining {

// A typed result table of operators.md's result envelope. Column types: string, integer,
// double, datetime (cells: ISO 8601 UTC strings), timespan (cells: seconds as numbers), boolean.
// Every row is a JSON array with one cell per column; null is an empty cell.
struct ResultColumn {
    std::string name;
    std::string type;
};

struct ResultTable {
    std::string name;
    std::vector<ResultColumn> columns{};
    std::vector<nlohmann::ordered_json> rows{};

    ResultTable& column(std::string column_name, std::string column_type) {
        columns.push_back({std::move(column_name), std::move(column_type)});
        return *this;
    }
    void add_row(nlohmann::ordered_json row) { rows.push_back(std::move(row)); }
};

// {"name", "columns": [{"name", "type"}], "rows": [[...]]}
nlohmann::ordered_json table_json(const ResultTable& table);
// RFC 4180 CSV: a header of column names, then the rows (timespans as seconds, text unquoted
// unless it needs quoting).
std::string table_csv(const ResultTable& table);

}  // namespace pmstudio::mining
