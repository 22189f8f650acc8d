#include "importers/json_table_source.h"

#include <fast_float/fast_float.h>
#include <simdjson.h>
#include <strings.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pmstudio::importers {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr int64_t kExactIntegerLimit = int64_t{1} << 53;  // doubles hold integers up to here

[[noreturn]] void invalid(const std::string& message) {
    throw ImportError(400, "Invalid JSON file: " + message);
}

object as_object(element value, const char* what) {
    object result;
    if (value.get_object().get(result) != simdjson::SUCCESS) {
        invalid(std::string(what) + " must be an object");
    }
    return result;
}

simdjson::dom::array as_array(element value, const char* what) {
    simdjson::dom::array result;
    if (value.get_array().get(result) != simdjson::SUCCESS) {
        invalid(std::string(what) + " must be an array");
    }
    return result;
}

// Walks the events of either shape in document order, with the case each belongs to.
class EventCursor {
public:
    explicit EventCursor(element root) {
        if (root.is_array()) {
            set_events(root.get_array().value_unsafe());
            return;
        }
        object top;
        element cases;
        if (root.get_object().get(top) != simdjson::SUCCESS ||
            top["cases"].get(cases) != simdjson::SUCCESS) {
            invalid("expected an array of events or an object with \"cases\"");
        }
        const auto array = as_array(cases, "\"cases\"");
        nested_ = true;
        next_case_ = array.begin();
        cases_end_ = array.end();
    }

    // The next event; false after the last. `current_case()` is its case (nested shape only).
    bool next(object& event) {
        first_of_case_ = false;
        while (next_event_ == events_end_) {
            if (!nested_ || next_case_ == cases_end_) return false;
            case_ = as_object(*next_case_, "each case");
            first_of_case_ = true;
            ++next_case_;
            element events;
            if (case_["events"].get(events) == simdjson::SUCCESS) {
                set_events(as_array(events, "\"events\" of a case"));
            }
        }
        event = as_object(*next_event_, "each event");
        ++next_event_;
        return true;
    }

    const object* current_case() const { return nested_ ? &case_ : nullptr; }
    // Whether the last event returned is the first of its case.
    bool first_of_case() const { return first_of_case_; }

private:
    void set_events(simdjson::dom::array events) {
        next_event_ = events.begin();
        events_end_ = events.end();
    }

    bool nested_ = false;
    simdjson::dom::array::iterator next_case_, cases_end_;
    simdjson::dom::array::iterator next_event_, events_end_;
    object case_;
    bool first_of_case_ = false;
};

// Calls visit(dotted name, value) for each property, descending into objects for which visit
// returns false.
template <typename Visit>
void walk(object properties, std::string& path, Visit& visit) {
    for (const auto [key, value] : properties) {
        const size_t length = path.size();
        if (length > 0) path.push_back('.');
        path.append(key);
        if (!visit(std::string_view(path), value) && value.is_object()) {
            walk(value.get_object().value_unsafe(), path, visit);
        }
        path.resize(length);
    }
}

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
    const auto [end, error] = fast_float::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

bool parse_integer(std::string_view text, int64_t& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

std::optional<bool> boolean_of(element value) {
    switch (value.type()) {
        case element_type::BOOL:
            return value.get_bool().value_unsafe();
        case element_type::INT64:
        case element_type::UINT64:
        case element_type::DOUBLE: {
            const double number = value.get_double().value_unsafe();
            if (number == 0 || number == 1) return number == 1;
            return std::nullopt;
        }
        case element_type::STRING: {
            const std::string text(value.get_string().value_unsafe());
            for (const char* yes : {"true", "yes", "1"}) {
                if (strcasecmp(text.c_str(), yes) == 0) return true;
            }
            for (const char* no : {"false", "no", "0"}) {
                if (strcasecmp(text.c_str(), no) == 0) return false;
            }
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

Cell number_cell(double number) {
    Cell cell;
    cell.kind = Cell::Kind::Number;
    cell.number = number;
    return cell;
}

// The value as the JSON has it; `owned` keeps text that is not in the document.
Cell natural_cell(element value, std::string& owned) {
    switch (value.type()) {
        case element_type::STRING:
            return Cell::of_text(value.get_string().value_unsafe());
        case element_type::DOUBLE:
            return number_cell(value.get_double().value_unsafe());
        case element_type::INT64: {
            const int64_t integer = value.get_int64().value_unsafe();
            if (integer >= -kExactIntegerLimit && integer <= kExactIntegerLimit) {
                return number_cell(static_cast<double>(integer));
            }
            break;
        }
        case element_type::BOOL: {
            Cell cell;
            cell.kind = Cell::Kind::Boolean;
            cell.boolean = value.get_bool().value_unsafe();
            return cell;
        }
        case element_type::NULL_VALUE:
            return Cell{};
        default:
            break;
    }
    owned = simdjson::minify(value);  // integers beyond 2^53, arrays and objects
    return Cell::of_text(owned);
}

// The value converted to `type`; nullopt when it does not fit.
std::optional<Cell> typed_cell(element value, JsonDataType type, std::string& owned) {
    const element_type kind = value.type();
    const bool is_number =
        kind == element_type::INT64 || kind == element_type::UINT64 || kind == element_type::DOUBLE;
    const bool is_string = kind == element_type::STRING;
    const std::string_view text = is_string ? value.get_string().value_unsafe() : "";
    if (kind == element_type::NULL_VALUE) return Cell{};
    switch (type) {
        case JsonDataType::Natural:
            return natural_cell(value, owned);
        case JsonDataType::String:
            if (is_string) return Cell::of_text(text);
            owned = simdjson::minify(value);
            return Cell::of_text(owned);
        case JsonDataType::DateTime:
            if (is_string) return Cell::of_text(text);
            return std::nullopt;
        case JsonDataType::Integer: {
            int64_t integer = 0;
            if (is_number) {
                const double number = value.get_double().value_unsafe();
                if (std::trunc(number) == number) return number_cell(number);
            } else if (is_string && parse_integer(text, integer)) {
                return number_cell(static_cast<double>(integer));
            }
            return std::nullopt;
        }
        case JsonDataType::Double: {
            double number = 0;
            if (is_number) return number_cell(value.get_double().value_unsafe());
            if (is_string && parse_number(text, number)) return number_cell(number);
            return std::nullopt;
        }
        case JsonDataType::Boolean: {
            const auto boolean = boolean_of(value);
            if (!boolean) return std::nullopt;
            Cell cell;
            cell.kind = Cell::Kind::Boolean;
            cell.boolean = *boolean;
            return cell;
        }
    }
    return std::nullopt;
}

const char* type_name(JsonDataType type) {
    switch (type) {
        case JsonDataType::Integer:
            return "integer";
        case JsonDataType::Double:
            return "double";
        case JsonDataType::Boolean:
            return "boolean";
        case JsonDataType::DateTime:
            return "datetime";
        case JsonDataType::String:
        case JsonDataType::Natural:
            break;
    }
    return "string";
}

}  // namespace

struct JsonTableSource::Document {
    simdjson::padded_string json;
    simdjson::dom::parser parser;
    element root;
    std::optional<EventCursor> cursor;  // the rows' walk
    std::string path;                   // dotted property name being visited
};

JsonTableSource::JsonTableSource(const std::string& path, const std::vector<JsonMapping>& mappings,
                                 ImportReport& report)
    : report_(report), document_(std::make_unique<Document>()) {
    if (const auto error = simdjson::padded_string::load(path).get(document_->json)) {
        invalid(simdjson::error_message(error));
    }
    file_size_ = static_cast<int64_t>(document_->json.size());
    std::string_view text(document_->json);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
    // The padding after the file's end stays in place, so the parser needs no copy.
    if (const auto error =
            document_->parser.parse(text.data(), text.size(), false).get(document_->root)) {
        invalid(simdjson::error_message(error));
    }

    for (const JsonMapping& mapping : mappings) {
        add_column(mapping.target_column, mapping.property, mapping.data_type);
    }
    // Checks the shape, counts the events and, without a mapping, collects the columns.
    auto collect = [&](std::string_view name, element value) {
        if (value.is_object()) return false;
        if (!column_of_property_.contains(name)) {
            add_column(std::string(name), std::string(name), JsonDataType::Natural);
        }
        return true;
    };
    auto collect_case = [&](std::string_view name, element value) {
        return name == "events" || collect(name, value);
    };
    EventCursor cursor(document_->root);
    object event;
    while (cursor.next(event)) {
        ++events_total_;
        if (!mappings.empty()) continue;
        if (cursor.first_of_case()) walk(*cursor.current_case(), document_->path, collect_case);
        walk(event, document_->path, collect);
    }
    owned_text_.resize(header_.size());
    document_->cursor.emplace(document_->root);
}

JsonTableSource::~JsonTableSource() = default;

void JsonTableSource::add_column(std::string name, const std::string& property, JsonDataType type) {
    if (std::find(header_.begin(), header_.end(), name) != header_.end()) {
        throw ImportError(400, "Invalid JSON mapping: targetColumn '" + name + "' is used twice");
    }
    if (!column_of_property_.emplace(property, header_.size()).second) {
        throw ImportError(400, "Invalid JSON mapping: '" + property + "' is mapped twice");
    }
    header_.push_back(std::move(name));
    types_.push_back(type);
}

bool JsonTableSource::next_row(std::vector<Cell>& cells) {
    object event;
    if (!document_->cursor->next(event)) return false;
    ++row_number_;
    cells.assign(header_.size(), Cell{});
    auto fill = [&](std::string_view name, element value) {
        const auto found = column_of_property_.find(name);
        if (found == column_of_property_.end()) return false;
        const size_t column = found->second;
        const auto cell = typed_cell(value, types_[column], owned_text_[column]);
        if (!cell) {
            report_.invalid_value(row_number_, header_[column], "ParseError",
                                  "Value " + simdjson::minify(value) + " is not a valid " +
                                      type_name(types_[column]));
        }
        cells[column] = cell.value_or(Cell{});
        return true;
    };
    auto fill_case = [&](std::string_view name, element value) {
        return name == "events" || fill(name, value);
    };
    if (const object* current_case = document_->cursor->current_case()) {
        walk(*current_case, document_->path, fill_case);
    }
    walk(event, document_->path, fill);
    return true;
}

int64_t JsonTableSource::bytes_read() const {
    if (events_total_ == 0) return file_size_;
    return static_cast<int64_t>(static_cast<double>(file_size_) * static_cast<double>(row_number_) /
                                static_cast<double>(events_total_));
}

}  // namespace pmstudio::importers
