#include "importers/xes_log_assembler.h"

#include <fast_float/fast_float.h>
#include <strings.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "importers/xes_keys.h"

namespace pmstudio::importers {
namespace {

using eventlog::AttributeLevel;

// Case columns are registered with the builder under this prefix (a character XML cannot carry),
// so a key used on both levels gives a case column and an event column; finish() strips it.
constexpr char kCasePrefix = '\x1f';

CultureValueParser make_parser(const std::string& time_zone) {
    try {
        return CultureValueParser(*find_culture("invariant"), time_zone);
    } catch (const std::invalid_argument&) {
        throw ImportError(422, "Unknown time zone '" + time_zone + "'");
    }
}

std::string or_default(const std::string& mapped, std::string_view standard) {
    return mapped.empty() ? std::string(standard) : mapped;
}

std::optional<int64_t> parse_int(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    int64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> parse_float(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto result = fast_float::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

// xs:boolean: true, false, 1, 0 (the words in any case).
std::optional<bool> parse_bool(std::string_view text) {
    if (text == "1" || (text.size() == 4 && strncasecmp(text.data(), "true", 4) == 0)) return true;
    if (text == "0" || (text.size() == 5 && strncasecmp(text.data(), "false", 5) == 0)) {
        return false;
    }
    return std::nullopt;
}

std::string_view type_name(XesType type) {
    switch (type) {
        case XesType::Date:
            return "date";
        case XesType::Int:
            return "int";
        case XesType::Float:
            return "float";
        case XesType::Boolean:
            return "boolean";
        default:
            return "string";
    }
}

std::string not_a(XesType type, std::string_view text) {
    return "Cannot read '" + std::string(text) + "' as " + std::string(type_name(type));
}

void sort_by_name(std::vector<eventlog::Column>& columns) {
    std::stable_sort(columns.begin(), columns.end(),
                     [](const auto& a, const auto& b) { return a.name < b.name; });
}

}  // namespace

XesLogAssembler::XesLogAssembler(const ImportOptions& options, ImportReport& report)
    : report_(report),
      parser_(make_parser(options.time_zone)),
      builder_(true, !options.mapping.start_time.empty()) {
    const auto& mapping = options.mapping;
    metadata_.case_id_column = or_default(mapping.case_id, xes::kConceptName);
    metadata_.activity_column = or_default(mapping.activity, xes::kConceptName);
    metadata_.timestamp_column = or_default(mapping.timestamp, xes::kTimestamp);
    metadata_.resource_column = or_default(mapping.resource, xes::kResource);
    metadata_.start_time_column = mapping.start_time;
    metadata_.source_format = "xes";
    metadata_.time_zone = options.time_zone;
    case_key_ = key_id(metadata_.case_id_column);
    activity_key_ = key_id(metadata_.activity_column);
    timestamp_key_ = key_id(metadata_.timestamp_column);
    resource_key_ = key_id(metadata_.resource_column);
    start_key_ = mapping.start_time.empty() ? kNoKey : key_id(mapping.start_time);
}

uint32_t XesLogAssembler::key_id(std::string_view name) {
    auto found = key_ids_.find(name);
    if (found != key_ids_.end()) return found->second;
    const auto id = static_cast<uint32_t>(keys_.size());
    keys_.push_back({std::string(name)});
    key_ids_.emplace(std::string(name), id);
    return id;
}

void XesLogAssembler::log_attribute(std::string_view key, std::string_view value) {
    if (key != xes::kSourceOffsets) return;
    if (auto offsets = xes::parse_offsets(value)) {
        file_offsets_ = std::move(*offsets);
        offsets_from_file_ = true;
    }
}

void XesLogAssembler::begin_trace() {
    in_trace_ = true;
    arena_.clear();
    trace_items_.clear();
    event_items_.clear();
    event_ends_.clear();
}

void XesLogAssembler::begin_event() {
    if (!in_trace_) {
        begin_trace();
        implicit_trace_ = true;
    }
    in_event_ = true;
}

void XesLogAssembler::attribute(XesType type, std::string_view key, std::string_view value) {
    const Item item{key_id(key), type, static_cast<uint32_t>(arena_.size()),
                    static_cast<uint32_t>(value.size())};
    arena_.append(value);
    (in_event_ ? event_items_ : trace_items_).push_back(item);
}

void XesLogAssembler::end_event() {
    event_ends_.push_back(static_cast<uint32_t>(event_items_.size()));
    in_event_ = false;
    if (implicit_trace_) {
        implicit_trace_ = false;
        end_trace();
    }
}

const XesLogAssembler::Item* XesLogAssembler::find(const Item* begin, const Item* end,
                                                   uint32_t key) const {
    for (const Item* item = begin; item != end; ++item) {
        if (item->key == key) return item;
    }
    return nullptr;
}

void XesLogAssembler::end_trace() {
    in_trace_ = false;
    const int64_t first_event_number = events_seen_ + 1;
    events_seen_ += static_cast<int64_t>(event_ends_.size());
    const Item* case_item =
        find(trace_items_.data(), trace_items_.data() + trace_items_.size(), case_key_);
    if (case_item == nullptr || case_item->value_size == 0) {
        for (size_t e = 0; e < event_ends_.size(); ++e) {
            report_.skip_row(first_event_number + static_cast<int64_t>(e), metadata_.case_id_column,
                             "MissingValue", "The trace has no " + metadata_.case_id_column);
        }
        return;
    }
    const std::string_view case_id = value(*case_item);
    size_t first_row = kUnresolved;
    int64_t first_time = 0;
    uint32_t begin = 0;
    for (size_t e = 0; e < event_ends_.size(); ++e) {
        add_trace_event(case_id, event_items_.data() + begin, event_items_.data() + event_ends_[e],
                        first_event_number + static_cast<int64_t>(e), first_row, first_time);
        begin = event_ends_[e];
    }
    if (first_row == kUnresolved) return;
    // A case attribute is the value on the case's first event in canonical order: the trace's
    // earliest event (earliest row among ties) is the only one that can be it.
    for (const Item& item : trace_items_) {
        if (item.key == case_key_) continue;
        Key& key = keys_[item.key];
        if (key.last_case_row == first_row) continue;
        key.last_case_row = first_row;
        if (!set_value(key, true, first_row, item)) {
            report_.invalid_value(first_event_number, key.name, "ParseError",
                                  not_a(item.type, value(item)));
        }
    }
}

void XesLogAssembler::add_trace_event(std::string_view case_id, const Item* begin, const Item* end,
                                      int64_t event_number, size_t& first_row,
                                      int64_t& first_time) {
    const Item* activity = find(begin, end, activity_key_);
    if (activity == nullptr || activity->value_size == 0) {
        report_.skip_row(event_number, metadata_.activity_column, "MissingValue",
                         "The event has no " + metadata_.activity_column);
        return;
    }
    const Item* time_item = find(begin, end, timestamp_key_);
    if (time_item == nullptr) {
        report_.skip_row(event_number, metadata_.timestamp_column, "MissingValue",
                         "The event has no " + metadata_.timestamp_column);
        return;
    }
    const auto timestamp = parser_.parse_datetime(value(*time_item));
    if (!timestamp) {
        report_.skip_row(event_number, metadata_.timestamp_column, "ParseError",
                         not_a(XesType::Date, value(*time_item)));
        return;
    }
    std::optional<int64_t> start_time;
    if (start_key_ != kNoKey) {
        if (const Item* start = find(begin, end, start_key_)) {
            start_time = parser_.parse_datetime(value(*start));
            if (!start_time) {
                report_.invalid_value(event_number, metadata_.start_time_column, "ParseError",
                                      not_a(XesType::Date, value(*start)));
            }
        }
    }
    std::optional<std::string_view> resource;
    if (const Item* item = find(begin, end, resource_key_)) {
        resource = value(*item);
        resource_seen_ = true;
    }
    const size_t row =
        builder_.add_event(case_id, value(*activity), *timestamp, start_time, resource);
    if (first_row == kUnresolved || *timestamp < first_time) {
        first_row = row;
        first_time = *timestamp;
    }
    for (const Item* item = begin; item != end; ++item) {
        if (item->key == activity_key_ || item->key == timestamp_key_ ||
            item->key == resource_key_ || item->key == start_key_) {
            continue;
        }
        Key& key = keys_[item->key];
        if (key.last_event_row == row) continue;
        key.last_event_row = row;
        if (!set_value(key, false, row, *item)) {
            report_.invalid_value(event_number, key.name, "ParseError",
                                  not_a(item->type, value(*item)));
        }
    }
}

bool XesLogAssembler::set_value(Key& key, bool case_level, size_t row, const Item& item) {
    size_t& column = case_level ? key.case_column : key.event_column;
    auto target = [&]() -> eventlog::ColumnBuilder& {
        if (column == kUnresolved) {
            column = case_level
                         ? builder_.attribute_index(kCasePrefix + key.name, AttributeLevel::Case)
                         : builder_.attribute_index(key.name, AttributeLevel::Event);
        }
        return builder_.attribute(column);
    };
    // Stores a parsed value through a ColumnBuilder setter; false when it did not parse.
    auto store = [&](auto parsed, auto setter) {
        if (!parsed) return false;
        (target().*setter)(row, *parsed);
        return true;
    };
    using eventlog::ColumnBuilder;
    const std::string_view text = value(item);
    switch (item.type) {
        case XesType::String:
        case XesType::Id:
            target().set_string(row, text);
            return true;
        case XesType::Date:
            return store(parser_.parse_datetime(text), &ColumnBuilder::set_datetime);
        case XesType::Int:
            return store(parse_int(text), &ColumnBuilder::set_integer);
        case XesType::Float:
            return store(parse_float(text), &ColumnBuilder::set_double);
        case XesType::Boolean:
            return store(parse_bool(text), &ColumnBuilder::set_boolean);
    }
    return false;
}

eventlog::EventLog XesLogAssembler::finish() {
    if (offsets_from_file_) {
        metadata_.source_offsets_minutes = file_offsets_;
    } else {
        const auto& seen = parser_.offsets_seen();
        metadata_.source_offsets_minutes.assign(seen.begin(), seen.end());
    }
    if (!resource_seen_) metadata_.resource_column.clear();
    eventlog::EventLog log = builder_.finish(std::move(metadata_));
    if (!resource_seen_) {
        log.resource = {};
        log.resources = {};
    }
    for (auto& column : log.case_attributes) column.name.erase(0, 1);
    sort_by_name(log.case_attributes);
    sort_by_name(log.event_attributes);
    return log;
}

}  // namespace pmstudio::importers
