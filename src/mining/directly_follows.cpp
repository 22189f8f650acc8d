#include "mining/directly_follows.h"

#include <algorithm>
#include <unordered_map>

#include "eventlog/time_format.h"
#include "eventlog/view_scan.h"

namespace pmstudio::mining {
namespace {

using eventlog::LogView;

// Sums of microsecond gaps are exact whatever the timestamps (a case's gaps add up to its span,
// and many spans of centuries would overflow int64).
using Micros = __int128;

struct EdgeTotal {
    uint64_t count = 0;
    Micros micros = 0;

    void add(const EdgeTotal& other) {
        count += other.count;
        micros += other.micros;
    }
};

// A flat activities x activities array: the common case of a few hundred activities or fewer.
class DenseEdges {
public:
    explicit DenseEdges(uint32_t activities)
        : activities_(activities), totals_(size_t{activities} * activities) {}
    void add(uint32_t from, uint32_t to, int64_t gap) {
        EdgeTotal& total = totals_[size_t{from} * activities_ + to];
        ++total.count;
        total.micros += gap;
    }
    void merge(const DenseEdges& other) {
        for (size_t i = 0; i < totals_.size(); ++i) totals_[i].add(other.totals_[i]);
    }
    template <class Visit>
    void for_each(Visit&& visit) const {
        for (size_t i = 0; i < totals_.size(); ++i) {
            if (totals_[i].count != 0) {
                visit(static_cast<uint32_t>(i / activities_),
                      static_cast<uint32_t>(i % activities_), totals_[i]);
            }
        }
    }

private:
    uint32_t activities_;
    std::vector<EdgeTotal> totals_;
};

// A hash map by (from, to) for logs with so many activities that the array would not fit caches.
class SparseEdges {
public:
    explicit SparseEdges(uint32_t /*activities*/) {}
    void add(uint32_t from, uint32_t to, int64_t gap) {
        EdgeTotal& total = totals_[key(from, to)];
        ++total.count;
        total.micros += gap;
    }
    void merge(const SparseEdges& other) {
        for (const auto& [k, total] : other.totals_) totals_[k].add(total);
    }
    template <class Visit>
    void for_each(Visit&& visit) const {
        std::vector<uint64_t> keys;
        keys.reserve(totals_.size());
        for (const auto& entry : totals_) keys.push_back(entry.first);
        std::sort(keys.begin(), keys.end());
        for (uint64_t k : keys) {
            visit(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k), totals_.at(k));
        }
    }

private:
    static uint64_t key(uint32_t from, uint32_t to) { return uint64_t{from} << 32 | to; }
    std::unordered_map<uint64_t, EdgeTotal> totals_;
};

constexpr uint32_t kMaxDenseActivities = 256;

template <class Edges>
std::vector<DirectlyFollowsEdge> discover(const LogView& view) {
    const eventlog::EventLog& log = view.log();
    const auto activities = static_cast<uint32_t>(log.activities.size());
    std::vector<Edges> workers;
    eventlog::scan_case_ranges(
        view, [&](size_t count) { workers.assign(count, Edges(activities)); },
        [&](size_t worker, size_t first, size_t last) {
            Edges& edges = workers[worker];
            const uint32_t* activity = log.activity.data();
            const int64_t* timestamp = log.timestamp.data();
            for (size_t p = first; p < last; ++p) {
                const uint32_t c = view.cases()[p];
                uint32_t previous = view.first_event(c);
                view.for_each_event(c, [&](uint32_t e) {
                    if (e == previous) return;
                    edges.add(activity[previous], activity[e], timestamp[e] - timestamp[previous]);
                    previous = e;
                });
            }
        });
    for (size_t w = 1; w < workers.size(); ++w) workers[0].merge(workers[w]);
    std::vector<DirectlyFollowsEdge> out;
    workers[0].for_each([&](uint32_t from, uint32_t to, const EdgeTotal& total) {
        out.push_back({from, to, total.count,
                       static_cast<double>(total.micros) / static_cast<double>(total.count) /
                           static_cast<double>(eventlog::kMicrosPerSecond)});
    });
    return out;
}

}  // namespace

std::vector<DirectlyFollowsEdge> directly_follows(const LogView& view) {
    if (view.log().activities.size() <= kMaxDenseActivities) return discover<DenseEdges>(view);
    return discover<SparseEdges>(view);
}

}  // namespace pmstudio::mining
