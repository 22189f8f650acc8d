#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventlog/event_log.h"
#include "eventlog/event_log_builder.h"
#include "importers/culture_value_parser.h"
#include "importers/import_options.h"
#include "importers/import_report.h"

namespace pmstudio::importers {

// The typed attribute elements of XES that carry a single value.
enum class XesType : uint8_t { String, Date, Int, Float, Boolean, Id };

// Turns the stream of XES traces, events and attributes into an event log. A trace is buffered
// (its attributes and events, values copied into one reused arena) until it ends, so the case id
// may come anywhere in the trace; then its events go to the EventLogBuilder with the mapped keys
// (case id, activity, timestamp, resource, start time) taken out and every other attribute set on
// a case column (trace level) or an event column (event level), typed by its XES element.
class XesLogAssembler {
public:
    XesLogAssembler(const ImportOptions& options, ImportReport& report);

    // A top-level attribute of the log; only pmstudio:sourceOffsets is used.
    void log_attribute(std::string_view key, std::string_view value);
    void begin_trace();
    // An event outside any trace is taken as a trace of its own (and so has no case id).
    void begin_event();
    // An attribute of the innermost open event, else of the open trace.
    void attribute(XesType type, std::string_view key, std::string_view value);
    void end_event();
    void end_trace();

    eventlog::EventLog finish();

private:
    struct Key {
        std::string name;
        size_t event_column = kUnresolved;
        size_t case_column = kUnresolved;
        size_t last_event_row = kUnresolved;  // guards against a key repeated within one event
        size_t last_case_row = kUnresolved;
    };
    struct Item {
        uint32_t key;
        XesType type;
        uint32_t value_begin;
        uint32_t value_size;
    };
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    static constexpr size_t kUnresolved = static_cast<size_t>(-1);
    static constexpr uint32_t kNoKey = static_cast<uint32_t>(-1);

    uint32_t key_id(std::string_view name);
    std::string_view value(const Item& item) const {
        return {arena_.data() + item.value_begin, item.value_size};
    }
    const Item* find(const Item* begin, const Item* end, uint32_t key) const;
    void add_trace_event(std::string_view case_id, const Item* begin, const Item* end,
                         int64_t event_number, size_t& first_row, int64_t& first_time);
    // Sets a typed value on the key's case or event column (resolved on first success); false
    // when the text is not a value of the item's type.
    bool set_value(Key& key, bool case_level, size_t row, const Item& item);

    ImportReport& report_;
    CultureValueParser parser_;
    eventlog::EventLogBuilder builder_;
    eventlog::EventLogMetadata metadata_;

    std::vector<Key> keys_;
    std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> key_ids_;
    uint32_t case_key_;
    uint32_t activity_key_;
    uint32_t timestamp_key_;
    uint32_t resource_key_;
    uint32_t start_key_;  // kNoKey: no start time mapped

    // The open trace.
    bool in_trace_ = false;
    bool implicit_trace_ = false;
    bool in_event_ = false;
    std::string arena_;
    std::vector<Item> trace_items_;
    std::vector<Item> event_items_;
    std::vector<uint32_t> event_ends_;  // per event of the trace: end of its items in event_items_

    int64_t events_seen_ = 0;
    bool resource_seen_ = false;
    bool offsets_from_file_ = false;
    std::vector<int32_t> file_offsets_;
};

}  // namespace pmstudio::importers
