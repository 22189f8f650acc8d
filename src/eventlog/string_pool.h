#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace pmstudio::eventlog {

// Interns strings into dense codes 0..size()-1 in first-seen order. Open addressing with linear
// probing over a power-of-two table of (hash, code) slots and XXH3 hashes: interning is the hot
// loop of every import, and std::unordered_map's node lookups and modulo were most of its cost.
class StringPool {
public:
    StringPool();

    uint32_t intern(std::string_view text);
    // The same, for a caller that computed `hash` = XXH3_64bits(text) already (on another thread).
    uint32_t intern(std::string_view text, uint64_t hash);
    const std::string& at(uint32_t code) const { return values_[code]; }
    size_t size() const { return values_.size(); }
    // Moves the values out in code order; the pool is empty afterwards.
    std::vector<std::string> release();

private:
    struct Slot {
        uint64_t hash = 0;
        uint32_t code = kEmpty;
    };
    static constexpr uint32_t kEmpty = 0xFFFFFFFFu;

    void grow();

    std::deque<std::string> values_;  // a deque never relocates its elements
    std::vector<Slot> slots_;
    size_t mask_ = 0;
};

}  // namespace pmstudio::eventlog
