#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "mining/operator_runtime.h"

namespace pmstudio::services {

// A block's computed output, reusable by a later execution with the same inputs.
struct CachedBlockOutput {
    mining::AnalysisState state;  // what the next block receives
    mining::OperatorOutput output;
    uint64_t input_case_count = 0;
    uint64_t input_event_count = 0;
    double duration_ms = 0;
    std::string tables_json{};  // output.tables as the envelope's "tables" array, serialised once
};

// Block outputs by chain key (the dataset version, and the operator, configuration and disabled
// flag of the block and every block above it: see notebook_runner.cpp). Editing a block changes
// its key and the keys of the blocks below it, so only they are computed again. Least recently
// used entries go beyond `capacity`.
class BlockOutputCache {
public:
    explicit BlockOutputCache(size_t capacity = 512) : capacity_(capacity) {}

    std::shared_ptr<const CachedBlockOutput> find(const std::string& key);
    void put(const std::string& key, std::shared_ptr<const CachedBlockOutput> output);
    size_t size();

private:
    using Order = std::list<std::string>;
    struct Entry {
        std::shared_ptr<const CachedBlockOutput> output;
        Order::iterator position;
    };

    size_t capacity_;
    std::mutex mutex_;
    Order order_;  // most recently used first
    std::map<std::string, Entry> entries_;
};

}  // namespace pmstudio::services
