#include "mining/result_table.h"

namespace pmstudio::mining {
namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + "\"";
}

std::string cell_text(const nlohmann::ordered_json& cell) {
    if (cell.is_null()) return "";
    if (cell.is_string()) return cell.get<std::string>();
    return cell.dump();
}

}  // namespace

nlohmann::ordered_json table_json(const ResultTable& table) {
    auto columns = nlohmann::ordered_json::array();
    for (const auto& column : table.columns) {
        columns.push_back({{"name", column.name}, {"type", column.type}});
    }
    auto rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) rows.push_back(row);
    return {{"name", table.name}, {"columns", std::move(columns)}, {"rows", std::move(rows)}};
}

std::string table_csv(const ResultTable& table) {
    std::string out;
    for (size_t i = 0; i < table.columns.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(table.columns[i].name);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += ',';
            out += csv_field(cell_text(row[i]));
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace pmstudio::mining
