#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eventlog/column.h"
#include "eventlog/string_pool.h"
#include "eventlog/text_value_parser.h"

namespace pmstudio::eventlog {

// Builds one attribute column row by row. Rows must be set in increasing order; skipped rows are
// null. The type follows the values: typed setters widen Integer to Double and fall back to String
// (converting earlier values to their canonical text) on any other mismatch; set_text infers the
// narrowest type that every value so far parses as, in the order boolean, integer, double,
// datetime, string.
class ColumnBuilder {
public:
    explicit ColumnBuilder(std::string name);

    void set_boolean(size_t row, bool value);
    void set_integer(size_t row, int64_t value);
    void set_double(size_t row, double value);
    void set_datetime(size_t row, int64_t micros);
    void set_timespan(size_t row, int64_t micros);
    void set_string(size_t row, std::string_view value);
    // Empty text is null.
    void set_text(size_t row, std::string_view text, const TextValueParser& parser);
    // Reads text as a value of a type decided beforehand (Integer also accepts doubles and widens
    // the column). Returns false, leaving the row null, when the text is not of that type.
    bool set_text_as(size_t row, std::string_view text, ValueType type,
                     const TextValueParser& parser);
    // The type the values so far have led to (String when there were none).
    ValueType inferred_type() const { return typed_ ? column_.type : ValueType::String; }

    const std::string& name() const { return column_.name; }
    // Pads to `rows` and hands over the column (String dictionaries in code order).
    Column finish(size_t rows);

    // Fixes the type before any value, for sources whose columns are typed (so that a column of
    // nulls keeps its type); no effect once the column has a type.
    void fix_type(ValueType type);

private:
    void pad_to(size_t row);
    void push_int(size_t row, ValueType type, int64_t value);
    void become_string();
    void become_double();

    Column column_;
    bool typed_ = false;  // false until the first non-null value fixes a type
    StringPool pool_;
};

}  // namespace pmstudio::eventlog
