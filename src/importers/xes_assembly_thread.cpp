#include "importers/xes_assembly_thread.h"

namespace pmstudio::importers {

XesAssemblyThread::XesAssemblyThread(XesLogAssembler& assembler)
    : assembler_(assembler), worker_([this] { run(); }) {}

XesAssemblyThread::~XesAssemblyThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void XesAssemblyThread::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !queued_.empty(); });
        if (stopping_) return;
        XesRecordBatch batch = std::move(queued_.front());
        queued_.pop_front();
        busy_ = true;
        lock.unlock();
        std::exception_ptr failure;
        try {
            if (!failure_) batch.replay(assembler_);
        } catch (...) {
            failure = std::current_exception();
        }
        batch.clear();
        lock.lock();
        if (failure) failure_ = failure;
        spare_.push_back(std::move(batch));
        busy_ = false;
        changed_.notify_all();
    }
}

void XesAssemblyThread::rethrow_failure() {
    if (failure_) std::rethrow_exception(failure_);
}

XesRecordBatch XesAssemblyThread::submit(XesRecordBatch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || queued_.size() < kQueuedBatches; });
    rethrow_failure();
    queued_.push_back(std::move(batch));
    changed_.notify_all();
    if (spare_.empty()) return {};
    XesRecordBatch empty = std::move(spare_.back());
    spare_.pop_back();
    return empty;
}

void XesAssemblyThread::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || (queued_.empty() && !busy_); });
    rethrow_failure();
}

}  // namespace pmstudio::importers
