#pragma once

// Test support (included by reader tests only): the PM4Py 2.7 reference figures of
// ../shared/data/reference/*.json against those of an imported log.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "eventlog/event_log.h"
#include "eventlog/log_summary.h"

namespace pmstudio::importers {

inline const std::filesystem::path kSharedData = PMSTUDIO_SHARED_DATA_DIR;

// Checks counts, activity frequencies, start/end activities and variants; returns the reference's
// "all_events" object so that the caller can compare timestamps the way that log needs.
inline nlohmann::json expect_reference_counts(const eventlog::EventLog& log,
                                              const std::string& reference_name) {
    std::ifstream in(kSharedData / "reference" / reference_name);
    const auto reference = nlohmann::json::parse(in)["all_events"];
    using Counts = std::map<std::string, size_t>;
    const auto summary = eventlog::summarize(log);
    EXPECT_EQ(summary.events, reference["events"].get<size_t>());
    EXPECT_EQ(summary.cases, reference["cases"].get<size_t>());
    EXPECT_EQ(summary.activities, reference["activities"].get<Counts>());
    EXPECT_EQ(summary.start_activities, reference["start_activities"].get<Counts>());
    EXPECT_EQ(summary.end_activities, reference["end_activities"].get<Counts>());
    EXPECT_EQ(summary.variants, reference["variants"].get<size_t>());
    return reference;
}

}  // namespace pmstudio::importers
