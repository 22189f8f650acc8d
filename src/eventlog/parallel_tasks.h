#pragma once

#include <cstddef>
#include <functional>

namespace pmstudio::eventlog {

// Runs task(worker, i) for i in [0, count) on up to hardware_concurrency threads (the caller is
// worker 0), tasks taken in index order; `workers` receives the number of workers before any task
// runs, so that callers can set up per-worker state. The first exception thrown by a task is
// rethrown after all workers stopped; remaining tasks are skipped.
void run_parallel(size_t count, const std::function<void(size_t workers)>& prepare,
                  const std::function<void(size_t worker, size_t task)>& task);

}  // namespace pmstudio::eventlog
