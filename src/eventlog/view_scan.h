#pragma once

#include <cstddef>
#include <functional>

#include "eventlog/log_view.h"

namespace pmstudio::eventlog {

// Runs scan(worker, first, last) over ranges [first, last) of kept case positions that together
// cover the view, on up to hardware_concurrency threads (run_parallel); prepare(workers) is called
// before any scan so that callers can set up one accumulator per worker and merge them after.
// Small views run as one range on the calling thread.
void scan_case_ranges(const LogView& view, const std::function<void(size_t workers)>& prepare,
                      const std::function<void(size_t worker, size_t first, size_t last)>& scan);

}  // namespace pmstudio::eventlog
