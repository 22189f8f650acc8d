#include "mining/transition_statistics.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "eventlog/parallel_tasks.h"
#include "eventlog/view_scan.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// Up to this many activities a flat activities x activities index finds a pair (4 MB at most).
constexpr uint32_t kMaxDenseActivities = 1024;

// The transitions of one worker's cases, by (from, to).
class TransitionTotals {
public:
    explicit TransitionTotals(uint32_t activities) : activities_(activities) {
        if (activities <= kMaxDenseActivities)
            dense_.assign(size_t{activities} * activities, kNone);
    }

    // A transition in the kept case at `position`; the cases of a worker come in ascending order.
    void add(uint32_t from, uint32_t to, int64_t micros, size_t position) {
        Pair& pair = pairs_[slot(from, to)];
        pair.micros.push_back(micros);
        if (pair.last_position != position + 1) {
            ++pair.case_count;
            pair.last_position = position + 1;
        }
    }

    // Adds the transitions of another worker, whose cases are other cases.
    void merge(TransitionTotals& other) {
        for (Pair& pair : other.pairs_) {
            Pair& into = pairs_[slot(pair.from, pair.to)];
            into.case_count += pair.case_count;
            into.parts.push_back(std::move(pair.micros));
        }
    }

    // Ordered by (from, to); the statistics of the pairs are computed in parallel.
    std::vector<TransitionStatistics> finish() {
        std::sort(pairs_.begin(), pairs_.end(), [](const Pair& a, const Pair& b) {
            return a.from != b.from ? a.from < b.from : a.to < b.to;
        });
        std::vector<TransitionStatistics> out(pairs_.size());
        eventlog::run_parallel(
            pairs_.size(), [](size_t) {},
            [&](size_t, size_t i) {
                Pair& pair = pairs_[i];
                size_t size = pair.micros.size();
                for (const auto& part : pair.parts) size += part.size();
                pair.micros.reserve(size);
                for (const auto& part : pair.parts) {
                    pair.micros.insert(pair.micros.end(), part.begin(), part.end());
                }
                out[i] = {pair.from, pair.to, pair.case_count,
                          duration_statistics(std::move(pair.micros))};
            });
        return out;
    }

private:
    struct Pair {
        uint32_t from = 0;
        uint32_t to = 0;
        uint64_t case_count = 0;
        size_t last_position = 0;  // position + 1 of the last case counted
        std::vector<int64_t> micros{};
        std::vector<std::vector<int64_t>> parts{};  // merged from other workers
    };

    uint32_t slot(uint32_t from, uint32_t to) {
        uint32_t& slot = dense_.empty()
                             ? sparse_.try_emplace(uint64_t{from} << 32 | to, kNone).first->second
                             : dense_[size_t{from} * activities_ + to];
        if (slot == kNone) {
            slot = static_cast<uint32_t>(pairs_.size());
            pairs_.push_back({from, to});
        }
        return slot;
    }

    uint32_t activities_;
    std::vector<uint32_t> dense_;                    // from * activities + to -> slot
    std::unordered_map<uint64_t, uint32_t> sparse_;  // from << 32 | to -> slot
    std::vector<Pair> pairs_;
};

// Calls transitions(case index, add) for each kept case, in parallel over case ranges;
// transitions calls add(from, to, micros) for each transition of that case.
template <class Transitions>
std::vector<TransitionStatistics> collect(const LogView& view, Transitions&& transitions) {
    const auto activities = static_cast<uint32_t>(view.log().activities.size());
    std::vector<TransitionTotals> workers;
    eventlog::scan_case_ranges(
        view, [&](size_t count) { workers.assign(count, TransitionTotals(activities)); },
        [&](size_t worker, size_t first, size_t last) {
            TransitionTotals& totals = workers[worker];
            for (size_t p = first; p < last; ++p) {
                transitions(view.cases()[p], [&](uint32_t from, uint32_t to, int64_t micros) {
                    totals.add(from, to, micros, p);
                });
            }
        });
    for (size_t w = 1; w < workers.size(); ++w) workers[0].merge(workers[w]);
    return workers[0].finish();
}

}  // namespace

std::vector<TransitionStatistics> directly_follows_statistics(const LogView& view) {
    const uint32_t* activity = view.log().activity.data();
    const int64_t* timestamp = view.log().timestamp.data();
    return collect(view, [&](uint32_t c, const auto& add) {
        uint32_t previous = view.first_event(c);
        view.for_each_event(c, [&](uint32_t e) {
            if (e == previous) return;
            add(activity[previous], activity[e], timestamp[e] - timestamp[previous]);
            previous = e;
        });
    });
}

std::vector<TransitionStatistics> activity_pair_statistics(const LogView& view) {
    const uint32_t* activity = view.log().activity.data();
    const int64_t* timestamp = view.log().timestamp.data();
    return collect(view, [&](uint32_t c, const auto& add) {
        uint32_t run_activity = kNone;
        int64_t run_start = 0;
        view.for_each_event(c, [&](uint32_t e) {
            if (activity[e] == run_activity) return;
            if (run_activity != kNone) add(run_activity, activity[e], timestamp[e] - run_start);
            run_activity = activity[e];
            run_start = timestamp[e];
        });
    });
}

}  // namespace pmstudio::mining
