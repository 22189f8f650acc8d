#include "eventlog/parallel_tasks.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace pmstudio::eventlog {

void run_parallel(size_t count, const std::function<void(size_t workers)>& prepare,
                  const std::function<void(size_t worker, size_t task)>& task) {
    const size_t workers =
        std::max<size_t>(1, std::min<size_t>(count, std::thread::hardware_concurrency()));
    prepare(workers);
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&](size_t worker) {
        for (size_t i = next++; i < count && !failed; i = next++) {
            try {
                task(worker, i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> threads;
    for (size_t worker = 1; worker < workers; ++worker) threads.emplace_back(work, worker);
    work(0);
    for (auto& thread : threads) thread.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace pmstudio::eventlog
