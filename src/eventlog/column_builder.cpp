#include "eventlog/column_builder.h"

#include <charconv>

namespace pmstudio::eventlog {

ColumnBuilder::ColumnBuilder(std::string name) {
    column_.name = std::move(name);
    column_.type = ValueType::Integer;  // placeholder storage until typed_
}

void ColumnBuilder::pad_to(size_t row) {
    while (column_.size() < row) {
        switch (column_.type) {
            case ValueType::Double:
                column_.doubles.push_back(0);
                break;
            case ValueType::String:
                column_.codes.push_back(0);
                break;
            default:
                column_.ints.push_back(0);
                break;
        }
        column_.set_null(column_.size() - 1);
    }
}

void ColumnBuilder::fix_type(ValueType type) {
    if (typed_) return;
    // Until now only nulls were padded, in the Integer placeholder storage: move them over.
    const size_t rows = column_.ints.size();
    column_.ints = {};
    column_.type = type;
    if (type == ValueType::Double) {
        column_.doubles.assign(rows, 0);
    } else if (type == ValueType::String) {
        column_.codes.assign(rows, 0);
    } else {
        column_.ints.assign(rows, 0);
    }
    typed_ = true;
}

void ColumnBuilder::become_double() {
    column_.doubles.reserve(column_.ints.size());
    for (int64_t value : column_.ints) column_.doubles.push_back(static_cast<double>(value));
    column_.ints = {};
    column_.type = ValueType::Double;
}

void ColumnBuilder::become_string() {
    if (column_.type == ValueType::String) return;
    const size_t rows = column_.size();
    std::vector<uint32_t> codes(rows, 0);
    for (size_t row = 0; row < rows; ++row) {
        if (!column_.is_null(row)) codes[row] = pool_.intern(column_.text(row));
    }
    column_.ints = {};
    column_.doubles = {};
    column_.codes = std::move(codes);
    column_.type = ValueType::String;
}

void ColumnBuilder::push_int(size_t row, ValueType type, int64_t value) {
    fix_type(type);
    pad_to(row);
    if (column_.type == type) {
        column_.ints.push_back(value);
    } else if (column_.type == ValueType::Double && type == ValueType::Integer) {
        column_.doubles.push_back(static_cast<double>(value));
    } else if (column_.type == ValueType::String) {
        Column single;
        single.type = type;
        single.ints.push_back(value);
        column_.codes.push_back(pool_.intern(single.text(0)));
    } else {
        become_string();
        push_int(row, type, value);
    }
}

void ColumnBuilder::set_boolean(size_t row, bool value) {
    push_int(row, ValueType::Boolean, value ? 1 : 0);
}
void ColumnBuilder::set_integer(size_t row, int64_t value) {
    push_int(row, ValueType::Integer, value);
}
void ColumnBuilder::set_datetime(size_t row, int64_t micros) {
    push_int(row, ValueType::DateTime, micros);
}
void ColumnBuilder::set_timespan(size_t row, int64_t micros) {
    push_int(row, ValueType::TimeSpan, micros);
}

void ColumnBuilder::set_double(size_t row, double value) {
    fix_type(ValueType::Double);
    pad_to(row);
    if (column_.type == ValueType::Integer) become_double();
    if (column_.type == ValueType::Double) {
        column_.doubles.push_back(value);
        return;
    }
    become_string();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    column_.codes.push_back(pool_.intern(std::string_view(buffer, result.ptr - buffer)));
}

void ColumnBuilder::set_string(size_t row, std::string_view value) {
    fix_type(ValueType::String);
    pad_to(row);
    become_string();
    column_.codes.push_back(pool_.intern(value));
}

void ColumnBuilder::set_text(size_t row, std::string_view text, const TextValueParser& parser) {
    if (text.empty()) return;  // null: padded later
    if (!typed_) {
        if (auto b = parser.parse_boolean(text)) return set_boolean(row, *b);
        if (auto i = parser.parse_integer(text)) return set_integer(row, *i);
        if (auto d = parser.parse_double(text)) return set_double(row, *d);
        if (auto t = parser.parse_datetime(text)) return set_datetime(row, *t);
        return set_string(row, text);
    }
    switch (column_.type) {
        case ValueType::Boolean:
            if (auto b = parser.parse_boolean(text)) return set_boolean(row, *b);
            break;
        case ValueType::Integer:
            if (auto i = parser.parse_integer(text)) return set_integer(row, *i);
            if (auto d = parser.parse_double(text)) return set_double(row, *d);
            break;
        case ValueType::Double:
            if (auto d = parser.parse_double(text)) return set_double(row, *d);
            break;
        case ValueType::DateTime:
            if (auto t = parser.parse_datetime(text)) return set_datetime(row, *t);
            break;
        case ValueType::TimeSpan:
        case ValueType::String:
            break;
    }
    set_string(row, text);
}

bool ColumnBuilder::set_text_as(size_t row, std::string_view text, ValueType type,
                                const TextValueParser& parser) {
    switch (type) {
        case ValueType::Boolean:
            if (auto b = parser.parse_boolean(text)) {
                set_boolean(row, *b);
                return true;
            }
            return false;
        case ValueType::Integer:
            if (auto i = parser.parse_integer(text)) {
                set_integer(row, *i);
                return true;
            }
            [[fallthrough]];
        case ValueType::Double:
            if (auto d = parser.parse_double(text)) {
                set_double(row, *d);
                return true;
            }
            return false;
        case ValueType::DateTime:
            if (auto t = parser.parse_datetime(text)) {
                set_datetime(row, *t);
                return true;
            }
            return false;
        case ValueType::TimeSpan:
        case ValueType::String:
            break;
    }
    set_string(row, text);
    return true;
}

Column ColumnBuilder::finish(size_t rows) {
    fix_type(ValueType::String);
    pad_to(rows);
    if (column_.type == ValueType::String) column_.dictionary = pool_.release();
    if (!column_.has_nulls()) column_.nulls.clear();
    return std::move(column_);
}

}  // namespace pmstudio::eventlog
