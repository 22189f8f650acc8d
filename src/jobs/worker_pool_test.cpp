#include "jobs/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>

namespace pmstudio::jobs {
namespace {

TEST(WorkerPoolTest, RunsEverySubmittedTask) {
    std::atomic<int> done{0};
    {
        WorkerPool pool(2);
        for (int i = 0; i < 100; ++i) pool.submit([&] { ++done; });
        while (done < 100) std::this_thread::yield();
    }
    EXPECT_EQ(done, 100);
}

TEST(WorkerPoolTest, ATaskThatThrowsDoesNotStopTheWorker) {
    std::atomic<int> done{0};
    WorkerPool pool(1);
    pool.submit([] { throw std::runtime_error("boom"); });
    pool.submit([&] { ++done; });
    while (done < 1) std::this_thread::yield();
    EXPECT_EQ(done, 1);
}

TEST(WorkerPoolTest, RefusesTasksAfterShutdown) {
    std::atomic<int> ran{0};
    WorkerPool pool(1);
    pool.shutdown();
    pool.submit([&] { ++ran; });
    pool.shutdown();  // idempotent
    EXPECT_EQ(ran, 0);
}

}  // namespace
}  // namespace pmstudio::jobs
