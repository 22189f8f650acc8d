#include "importers/type_votes.h"

#include <cmath>

namespace pmstudio::importers {

void TypeVotes::vote(const Cell& cell, const eventlog::TextValueParser& parser) {
    switch (cell.kind) {
        case Cell::Kind::Empty:
            return;
        case Cell::Kind::Text:
            ++values_;
            if (parser.parse_boolean(cell.text)) {
                ++booleans_;
            } else if (parser.parse_integer(cell.text)) {
                ++integers_;
                ++numbers_;
            } else if (parser.parse_double(cell.text)) {
                ++numbers_;
            } else if (parser.parse_datetime(cell.text)) {
                ++datetimes_;
            }
            return;
        case Cell::Kind::Number:
            ++values_;
            ++numbers_;
            if (std::trunc(cell.number) == cell.number) ++integers_;
            return;
        case Cell::Kind::Boolean:
            ++values_;
            ++booleans_;
            return;
        case Cell::Kind::DateTime:
            ++values_;
            ++datetimes_;
            return;
    }
}

eventlog::ValueType TypeVotes::decide() const {
    auto most = [&](int64_t count) { return values_ > 0 && count * 10 >= values_ * 9; };
    if (most(booleans_)) return eventlog::ValueType::Boolean;
    if (most(numbers_)) {
        return integers_ == numbers_ ? eventlog::ValueType::Integer : eventlog::ValueType::Double;
    }
    if (most(datetimes_)) return eventlog::ValueType::DateTime;
    return eventlog::ValueType::String;
}

}  // namespace pmstudio::importers
