#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pmstudio::eventlog {

// Interns strings into dense codes 0..size()-1 in first-seen order.
class StringPool {
public:
    uint32_t intern(std::string_view text);
    const std::string& at(uint32_t code) const { return values_[code]; }
    size_t size() const { return values_.size(); }
    // Moves the values out in code order; the pool is empty afterwards.
    std::vector<std::string> release();

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    // A deque never relocates its elements, so the index's views stay valid.
    std::deque<std::string> values_;
    std::unordered_map<std::string_view, uint32_t, Hash, std::equal_to<>> index_;
};

}  // namespace pmstudio::eventlog
