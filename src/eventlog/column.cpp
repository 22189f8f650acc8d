#include "eventlog/column.h"

#include <charconv>

#include "eventlog/time_format.h"

namespace pmstudio::eventlog {

size_t Column::size() const {
    switch (type) {
        case ValueType::Double:
            return doubles.size();
        case ValueType::String:
            return codes.size();
        default:
            return ints.size();
    }
}

void Column::set_null(size_t row) {
    const size_t words = (size() + 63) / 64;
    if (nulls.size() < words) nulls.resize(words, 0);
    nulls[row >> 6] |= uint64_t{1} << (row & 63);
}

bool Column::has_nulls() const {
    for (uint64_t word : nulls) {
        if (word != 0) return true;
    }
    return false;
}

Column Column::gather(const std::vector<uint32_t>& order) const {
    Column out;
    out.name = name;
    out.type = type;
    out.derived = derived;
    out.dictionary = dictionary;
    switch (type) {
        case ValueType::Double:
            out.doubles.resize(order.size());
            for (size_t i = 0; i < order.size(); ++i) out.doubles[i] = doubles[order[i]];
            break;
        case ValueType::String:
            out.codes.resize(order.size());
            for (size_t i = 0; i < order.size(); ++i) out.codes[i] = codes[order[i]];
            break;
        default:
            out.ints.resize(order.size());
            for (size_t i = 0; i < order.size(); ++i) out.ints[i] = ints[order[i]];
            break;
    }
    if (has_nulls()) {
        for (size_t i = 0; i < order.size(); ++i) {
            if (is_null(order[i])) out.set_null(i);
        }
    }
    return out;
}

std::string Column::text(size_t row) const {
    if (is_null(row)) return {};
    switch (type) {
        case ValueType::Double:
            return double_value_text(doubles[row]);
        case ValueType::String:
            return dictionary[codes[row]];
        default:
            return int64_value_text(type, ints[row]);
    }
}

std::string int64_value_text(ValueType type, int64_t value) {
    switch (type) {
        case ValueType::Boolean:
            return value != 0 ? "true" : "false";
        case ValueType::DateTime:
            return format_utc(value);
        case ValueType::TimeSpan:
            return format_timespan(value);
        default:
            return std::to_string(value);
    }
}

std::string double_value_text(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return {buffer, result.ptr};
}

bool operator==(const Column& a, const Column& b) {
    if (a.name != b.name || a.type != b.type || a.derived != b.derived || a.size() != b.size()) {
        return false;
    }
    for (size_t row = 0; row < a.size(); ++row) {
        if (a.is_null(row) != b.is_null(row)) return false;
        if (!a.is_null(row) && a.text(row) != b.text(row)) return false;
    }
    return true;
}

}  // namespace pmstudio::eventlog
