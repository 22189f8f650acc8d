#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace pmstudio::api {

struct RateDecision {
    bool allowed = true;
    int64_t limit = 0;
    int64_t remaining = 0;
    int64_t reset_epoch_seconds = 0;  // when the current window ends
    int64_t retry_after_seconds = 0;  // set when not allowed
};

// Fixed-window request counting per client (API key id, or remote address when anonymous).
class RateLimiter {
public:
    // limit_per_window == 0 disables limiting.
    RateLimiter(int64_t limit_per_window, std::chrono::seconds window);

    RateDecision check(const std::string& client);
    bool enabled() const { return limit_ > 0; }

private:
    struct Window {
        int64_t start_epoch_seconds = 0;
        int64_t count = 0;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, Window> windows;
    };

    int64_t limit_;
    int64_t window_seconds_;
    std::array<Shard, 16> shards_;
};

}  // namespace pmstudio::api
