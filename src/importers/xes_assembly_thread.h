#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "eventlog/event_log.h"
#include "importers/xes_log_assembler.h"
#include "importers/xes_record_batch.h"

namespace pmstudio::importers {

// Runs an XesLogAssembler on a thread of its own, fed batches through a short bounded queue, so
// building the log overlaps with XML parsing. Batches are recycled: submit hands back an empty
// one to fill next. A failure of the assembler is rethrown by the next submit or by finish.
class XesAssemblyThread {
public:
    explicit XesAssemblyThread(XesLogAssembler& assembler);
    ~XesAssemblyThread();
    XesAssemblyThread(const XesAssemblyThread&) = delete;
    XesAssemblyThread& operator=(const XesAssemblyThread&) = delete;

    // Queues the batch (waiting while the queue is full) and returns an empty one.
    XesRecordBatch submit(XesRecordBatch batch);
    // Waits until every queued batch has been replayed.
    void drain();

private:
    static constexpr size_t kQueuedBatches = 2;

    void run();
    void rethrow_failure();

    XesLogAssembler& assembler_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<XesRecordBatch> queued_;
    std::vector<XesRecordBatch> spare_;
    bool busy_ = false;  // the worker is replaying a batch it has taken off the queue
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread worker_;
};

}  // namespace pmstudio::importers
