#include "eventlog/log_view.h"

#include <numeric>

namespace pmstudio::eventlog {
namespace {

// Set bits of `bits` in [begin, end).
size_t count_bits(const std::vector<uint64_t>& bits, uint32_t begin, uint32_t end) {
    size_t count = 0;
    for (uint32_t word = begin >> 6; word <= (end - 1) >> 6; ++word) {
        uint64_t w = bits[word];
        if (word == begin >> 6) w &= ~uint64_t{0} << (begin & 63);
        if (word == (end - 1) >> 6 && (end & 63) != 0) w &= ~(~uint64_t{0} << (end & 63));
        count += static_cast<size_t>(std::popcount(w));
    }
    return count;
}

}  // namespace

LogView::LogView(std::shared_ptr<const EventLog> log) : log_(std::move(log)) {
    auto cases = std::make_shared<std::vector<uint32_t>>(log_->case_count());
    std::iota(cases->begin(), cases->end(), 0U);
    cases_ = std::move(cases);
    event_count_ = log_->event_count();
}

LogView::LogView(std::shared_ptr<const EventLog> log,
                 std::shared_ptr<const std::vector<uint32_t>> cases,
                 std::shared_ptr<const std::vector<uint64_t>> kept_events)
    : log_(std::move(log)), cases_(std::move(cases)), kept_events_(std::move(kept_events)) {
    event_count_ = count_events();
}

size_t LogView::count_events() const {
    size_t count = 0;
    for (uint32_t c : *cases_) count += case_event_count(c);
    return count;
}

size_t LogView::case_event_count(uint32_t c) const {
    const uint32_t begin = log_->case_offsets[c];
    const uint32_t end = log_->case_offsets[c + 1];
    if (!kept_events_ || begin == end) return end - begin;
    return count_bits(*kept_events_, begin, end);
}

uint32_t LogView::first_event(uint32_t c) const {
    uint32_t e = log_->case_offsets[c];
    while (!keeps_event(e)) ++e;
    return e;
}

uint32_t LogView::last_event(uint32_t c) const {
    uint32_t e = log_->case_offsets[c + 1] - 1;
    while (!keeps_event(e)) --e;
    return e;
}

std::span<const uint32_t> LogView::case_activities(uint32_t c,
                                                   std::vector<uint32_t>& buffer) const {
    const uint32_t begin = log_->case_offsets[c];
    if (!kept_events_) {
        return {log_->activity.data() + begin, log_->case_offsets[c + 1] - begin};
    }
    buffer.clear();
    for_each_event(c, [&](uint32_t e) { buffer.push_back(log_->activity[e]); });
    return buffer;
}

LogView LogView::with_cases(std::vector<uint32_t> cases) const {
    return {log_, std::make_shared<const std::vector<uint32_t>>(std::move(cases)), kept_events_};
}

LogView LogView::with_kept_events(std::vector<uint64_t> bits) const {
    std::vector<uint32_t> cases;
    cases.reserve(cases_->size());
    for (uint32_t c : *cases_) {
        const uint32_t begin = log_->case_offsets[c];
        const uint32_t end = log_->case_offsets[c + 1];
        if (count_bits(bits, begin, end) != 0) cases.push_back(c);
    }
    return {log_, std::make_shared<const std::vector<uint32_t>>(std::move(cases)),
            std::make_shared<const std::vector<uint64_t>>(std::move(bits))};
}

}  // namespace pmstudio::eventlog
