#pragma once

// Test support (included by tests only): the shared logs of ../shared/data, imported as PM4Py 2.7
// read them, and their reference figures (../shared/data/reference/*.json).

#include <date/tz.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "eventlog/event_log.h"
#include "importers/csv_reader.h"
#include "importers/reference_figures_test_support.h"
#include "importers/xes_reader.h"

namespace pmstudio::mining {

struct SharedLog {
    const char* name;
    const char* file;
    const char* reference;
};

inline void PrintTo(const SharedLog& shared, std::ostream* out) {
    *out << shared.file;
}

inline constexpr SharedLog kSharedLogs[] = {
    {"Bpic2012", "bpic2012.xes.gz", "bpic2012.json"},
    {"Receipt", "receipt.csv", "receipt.json"},
    {"RunningExampleXes", "running-example.xes", "running-example.json"},
    {"RunningExampleCsv", "running-example.csv", "running-example-csv.json"},
};

// PM4Py 2.7 drops the UTC offset of XES dates and reads the wall-clock time as UTC (see
// xes_reader_test.cpp). The offsets in the shared XES files are those of Europe/Amsterdam, so
// adding that zone's offset to each instant gives the times PM4Py computed with.
inline eventlog::EventLog as_pm4py_reads_xes(eventlog::EventLog log) {
    using std::chrono::microseconds;
    const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    for (int64_t& time : log.timestamp) {
        const auto info = zone->get_info(date::sys_time<microseconds>(microseconds(time)));
        time += std::chrono::duration_cast<microseconds>(info.offset).count();
    }
    return log;
}

// The log, imported once per test program.
inline std::shared_ptr<const eventlog::EventLog> load_shared_log(const SharedLog& shared) {
    static std::map<std::string, std::shared_ptr<const eventlog::EventLog>> cache;
    auto& log = cache[shared.name];
    if (log) return log;
    const auto path = importers::kSharedData / shared.file;
    importers::ImportReport report;
    if (path.string().ends_with(".csv")) {
        importers::ImportOptions options;
        options.mapping = {"case:concept:name", "concept:name", "time:timestamp", "org:resource",
                           ""};
        log =
            std::make_shared<const eventlog::EventLog>(importers::read_csv(path, options, report));
    } else {
        log = std::make_shared<const eventlog::EventLog>(
            as_pm4py_reads_xes(importers::read_xes(path, importers::ImportOptions{}, report)));
    }
    return log;
}

inline nlohmann::json shared_reference(const SharedLog& shared) {
    std::ifstream in(importers::kSharedData / "reference" / shared.reference);
    return nlohmann::json::parse(in);
}

}  // namespace pmstudio::mining
