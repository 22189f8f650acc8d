#include "mining/frequencies.h"

#include "eventlog/view_scan.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

void add_into(std::vector<uint64_t>& total, const std::vector<uint64_t>& part) {
    for (size_t i = 0; i < total.size(); ++i) total[i] += part[i];
}

// Counts the codes of kept events; codes >= size (kNoResource) are skipped.
CodeFrequencies count_codes(const LogView& view, const std::vector<uint32_t>& codes, size_t size) {
    struct Worker {
        std::vector<uint64_t> events;
        std::vector<uint64_t> cases;
        std::vector<uint32_t> last_case;  // per code: position + 1 of the last case counted
    };
    std::vector<Worker> workers;
    eventlog::scan_case_ranges(
        view,
        [&](size_t count) {
            workers.assign(count, {std::vector<uint64_t>(size, 0), std::vector<uint64_t>(size, 0),
                                   std::vector<uint32_t>(size, 0)});
        },
        [&](size_t worker, size_t first, size_t last) {
            Worker& w = workers[worker];
            for (size_t p = first; p < last; ++p) {
                const auto stamp = static_cast<uint32_t>(p + 1);
                view.for_each_event(view.cases()[p], [&](uint32_t e) {
                    const uint32_t code = codes[e];
                    if (code >= size) return;
                    ++w.events[code];
                    w.cases[code] += w.last_case[code] != stamp ? 1 : 0;
                    w.last_case[code] = stamp;
                });
            }
        });
    CodeFrequencies out{std::move(workers[0].events), std::move(workers[0].cases)};
    for (size_t w = 1; w < workers.size(); ++w) {
        add_into(out.events, workers[w].events);
        add_into(out.cases, workers[w].cases);
    }
    return out;
}

}  // namespace

CodeFrequencies activity_frequencies(const LogView& view) {
    return count_codes(view, view.log().activity, view.log().activities.size());
}

CodeFrequencies resource_frequencies(const LogView& view) {
    const eventlog::EventLog& log = view.log();
    if (!log.has_resource())
        return {std::vector<uint64_t>(log.resources.size(), 0),
                std::vector<uint64_t>(log.resources.size(), 0)};
    return count_codes(view, log.resource, log.resources.size());
}

EndpointActivities endpoint_activities(const LogView& view) {
    const eventlog::EventLog& log = view.log();
    EndpointActivities out{std::vector<uint64_t>(log.activities.size(), 0),
                           std::vector<uint64_t>(log.activities.size(), 0)};
    for (uint32_t c : view.cases()) {
        ++out.start[log.activity[view.first_event(c)]];
        ++out.end[log.activity[view.last_event(c)]];
    }
    return out;
}

}  // namespace pmstudio::mining
