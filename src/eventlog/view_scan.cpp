#include "eventlog/view_scan.h"

#include <algorithm>

#include "eventlog/parallel_tasks.h"

namespace pmstudio::eventlog {
namespace {

// Events per range: enough work to outweigh taking a task, small enough to balance the workers.
constexpr size_t kEventsPerRange = size_t{1} << 16;
constexpr size_t kMaxRanges = 1024;

}  // namespace

void scan_case_ranges(const LogView& view, const std::function<void(size_t workers)>& prepare,
                      const std::function<void(size_t worker, size_t first, size_t last)>& scan) {
    const size_t cases = view.case_count();
    const size_t ranges = cases == 0 ? 0
                                     : std::clamp<size_t>(view.event_count() / kEventsPerRange, 1,
                                                          std::min(kMaxRanges, cases));
    run_parallel(ranges, prepare, [&](size_t worker, size_t range) {
        scan(worker, range * cases / ranges, (range + 1) * cases / ranges);
    });
}

}  // namespace pmstudio::eventlog
