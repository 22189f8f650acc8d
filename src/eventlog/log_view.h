#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "eventlog/event_log.h"

namespace pmstudio::eventlog {

// A selection over an EventLog (DESIGN.md §4): the kept cases, ascending, and optionally which of
// their events are kept (a bitmap over the log's events). Every kept case keeps at least one
// event. Filters derive narrower views; copies share the log and the selection, so copying a
// view costs two reference counts.
class LogView {
public:
    // Every case and every event of the log.
    explicit LogView(std::shared_ptr<const EventLog> log);

    const EventLog& log() const { return *log_; }

    // Kept case indices (into log().case_ids), ascending. A case's position in this list is its
    // row in per-case results of the view.
    const std::vector<uint32_t>& cases() const { return *cases_; }
    size_t case_count() const { return cases_->size(); }
    size_t event_count() const { return event_count_; }
    // Whether the view keeps `event`, an event of a kept case.
    bool keeps_event(uint32_t event) const {
        return !kept_events_ || (((*kept_events_)[event >> 6] >> (event & 63)) & 1U) != 0;
    }

    // Calls visit(event) for the kept events of case c, in canonical order.
    template <class Visit>
    void for_each_event(uint32_t c, Visit&& visit) const {
        const uint32_t begin = log_->case_offsets[c];
        const uint32_t end = log_->case_offsets[c + 1];
        if (!kept_events_) {
            for (uint32_t e = begin; e < end; ++e) visit(e);
            return;
        }
        const std::vector<uint64_t>& bits = *kept_events_;
        for (uint32_t word = begin >> 6; word <= (end - 1) >> 6; ++word) {
            uint64_t w = bits[word];
            while (w != 0) {
                const uint32_t e = (word << 6) + static_cast<uint32_t>(std::countr_zero(w));
                w &= w - 1;
                if (e >= end) return;
                if (e >= begin) visit(e);
            }
        }
    }
    size_t case_event_count(uint32_t c) const;
    // The first and last kept event of kept case c.
    uint32_t first_event(uint32_t c) const;
    uint32_t last_event(uint32_t c) const;
    // The activity codes of case c's kept events: a span of the log's column when the view keeps
    // every event, else of `buffer` (overwritten).
    std::span<const uint32_t> case_activities(uint32_t c, std::vector<uint32_t>& buffer) const;

    // The kept cases for which keep(case index) is true; keep is called in the order of cases().
    template <class Keep>
    LogView where_cases(Keep&& keep) const {
        std::vector<uint32_t> kept;
        for (uint32_t c : *cases_) {
            if (keep(c)) kept.push_back(c);
        }
        return with_cases(std::move(kept));
    }
    // The kept events for which keep(event) is true; cases left without events are dropped.
    template <class Keep>
    LogView where_events(Keep&& keep) const {
        std::vector<uint64_t> bits((log_->event_count() + 63) / 64, 0);
        for (uint32_t c : *cases_) {
            for_each_event(c, [&](uint32_t e) {
                if (keep(e)) bits[e >> 6] |= uint64_t{1} << (e & 63);
            });
        }
        return with_kept_events(std::move(bits));
    }

private:
    LogView(std::shared_ptr<const EventLog> log, std::shared_ptr<const std::vector<uint32_t>> cases,
            std::shared_ptr<const std::vector<uint64_t>> kept_events);
    // `cases` is a subset of the kept cases, ascending.
    LogView with_cases(std::vector<uint32_t> cases) const;
    // `bits` selects only events of kept cases.
    LogView with_kept_events(std::vector<uint64_t> bits) const;
    size_t count_events() const;

    std::shared_ptr<const EventLog> log_;
    std::shared_ptr<const std::vector<uint32_t>> cases_;
    std::shared_ptr<const std::vector<uint64_t>> kept_events_;  // null: all events of kept cases
    size_t event_count_ = 0;
};

}  // namespace pmstudio::eventlog
