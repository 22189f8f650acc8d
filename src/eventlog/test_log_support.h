#pragma once

// Test support (included by tests only): small hand-written event logs.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eventlog/event_log_builder.h"
#include "eventlog/time_format.h"

namespace pmstudio::eventlog {

struct TestEvent {
    TestEvent(std::string case_id, std::string activity, int64_t seconds, std::string resource = {},
              std::optional<int64_t> start = std::nullopt)
        : case_id(std::move(case_id)),
          activity(std::move(activity)),
          seconds(seconds),
          resource(std::move(resource)),
          start(start) {}

    std::string case_id;
    std::string activity;
    int64_t seconds;               // end timestamp, seconds since 1970 UTC
    std::string resource;          // "" = none
    std::optional<int64_t> start;  // start time, seconds since 1970 UTC
};

// The log of `events` (columns case, activity, time, resource, start); set_attributes(builder,
// row, event) may add attributes to each row.
inline std::shared_ptr<const EventLog> make_test_log(
    const std::vector<TestEvent>& events, bool with_start_times = false,
    const std::function<void(EventLogBuilder&, size_t, const TestEvent&)>& set_attributes = {}) {
    EventLogBuilder builder(true, with_start_times);
    for (const TestEvent& event : events) {
        const size_t row = builder.add_event(
            event.case_id, event.activity, event.seconds * kMicrosPerSecond,
            event.start ? std::optional<int64_t>(*event.start * kMicrosPerSecond) : std::nullopt,
            event.resource.empty() ? std::nullopt
                                   : std::optional<std::string_view>(event.resource));
        if (set_attributes) set_attributes(builder, row, event);
    }
    EventLogMetadata metadata;
    metadata.case_id_column = "case";
    metadata.activity_column = "activity";
    metadata.timestamp_column = "time";
    metadata.resource_column = "resource";
    if (with_start_times) metadata.start_time_column = "start";
    return std::make_shared<const EventLog>(builder.finish(metadata));
}

}  // namespace pmstudio::eventlog
