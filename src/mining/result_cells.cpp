#include "mining/result_cells.h"

#include <algorithm>

#include "common/text.h"

namespace pmstudio::mining {
namespace {

bool cell_less(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
    return a.dump() < b.dump();
}

}  // namespace

std::optional<size_t> find_column(const ResultTable& table, std::string_view name) {
    for (const bool exact : {true, false}) {
        for (size_t i = 0; i < table.columns.size(); ++i) {
            const std::string& column = table.columns[i].name;
            if (exact ? column == name : iequals(column, name)) return i;
        }
    }
    return std::nullopt;
}

void sort_rows(ResultTable& table, size_t column, bool ascending) {
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const Json& a, const Json& b) {
        const Json& x = a[column];
        const Json& y = b[column];
        if (x.is_null() || y.is_null()) return !x.is_null() && y.is_null();
        return ascending ? cell_less(x, y) : cell_less(y, x);
    });
}

void keep_rows(ResultTable& table, std::optional<int64_t> max_rows) {
    if (max_rows && *max_rows >= 0 && static_cast<size_t>(*max_rows) < table.rows.size()) {
        table.rows.resize(static_cast<size_t>(*max_rows));
    }
}

}  // namespace pmstudio::mining
