#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventlog/column_builder.h"
#include "eventlog/event_log.h"
#include "eventlog/string_pool.h"

namespace pmstudio::eventlog {

// Where an attribute lives in the finished log.
enum class AttributeLevel {
    Infer,  // case attribute when constant within every case, else event attribute
    Case,   // case attribute (the value of the case's first event in canonical order)
    Event,  // event attribute
};

// Collects events in input order and produces the canonical EventLog. Importers call add_event
// once per accepted row, then set that row's attributes through attribute(...).set_*(row, ...).
class EventLogBuilder {
public:
    EventLogBuilder(bool has_resource, bool has_start_time);

    // Adds an event and returns its row number (0, 1, 2, ... in input order).
    size_t add_event(std::string_view case_id, std::string_view activity, int64_t timestamp,
                     std::optional<int64_t> start_time, std::optional<std::string_view> resource);

    // The index of the attribute column with that name, created on first use (earlier rows null).
    size_t attribute_index(std::string_view name, AttributeLevel level = AttributeLevel::Infer);
    ColumnBuilder& attribute(size_t index) { return *attributes_[index].builder; }
    ColumnBuilder& attribute(std::string_view name, AttributeLevel level = AttributeLevel::Infer) {
        return attribute(attribute_index(name, level));
    }

    // Attributes given per case rather than per event: `case_number` counts the cases in the
    // order of their first add_event (0, 1, 2, ...). Created on first use; unset cases are null.
    size_t case_attribute_index(std::string_view name);
    ColumnBuilder& case_attribute(size_t index) { return *case_attributes_[index]; }

    size_t rows() const { return activity_.size(); }
    EventLog finish(EventLogMetadata metadata);

private:
    struct Attribute {
        std::unique_ptr<ColumnBuilder> builder;
        AttributeLevel level;
    };

    bool has_resource_;
    bool has_start_time_;
    StringPool case_ids_;
    StringPool activities_;
    StringPool resources_;
    std::vector<uint32_t> case_;
    std::vector<uint32_t> activity_;
    std::vector<int64_t> timestamp_;
    std::vector<int64_t> start_time_;
    std::vector<uint32_t> resource_;
    std::vector<Attribute> attributes_;
    std::vector<std::unique_ptr<ColumnBuilder>> case_attributes_;
    std::unordered_map<std::string, size_t> attribute_by_name_;
};

}  // namespace pmstudio::eventlog
