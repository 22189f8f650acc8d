#pragma once

#include <cstdint>

#include "eventlog/text_value_parser.h"
#include "eventlog/value_type.h"
#include "importers/table_source.h"

namespace pmstudio::importers {

// Decides a column's type from sample cells: the most specific of boolean, integer, double and
// datetime that at least 90% of the non-empty values have (so a stray "n/a" in a numeric column
// becomes a null with a row issue instead of turning the column into text), else string.
class TypeVotes {
public:
    void vote(const Cell& cell, const eventlog::TextValueParser& parser);
    eventlog::ValueType decide() const;
    int64_t values() const { return values_; }

private:
    int64_t values_ = 0;
    int64_t booleans_ = 0;
    int64_t integers_ = 0;
    int64_t numbers_ = 0;  // integers included
    int64_t datetimes_ = 0;
};

}  // namespace pmstudio::importers
