#include "api/rate_limiter.h"

#include <functional>

namespace pmstudio::api {

RateLimiter::RateLimiter(int64_t limit_per_window, std::chrono::seconds window)
    : limit_(limit_per_window), window_seconds_(window.count()) {}

RateDecision RateLimiter::check(const std::string& client) {
    RateDecision decision;
    if (!enabled()) return decision;
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const int64_t window_start = now - now % window_seconds_;
    Shard& shard = shards_[std::hash<std::string>{}(client) % shards_.size()];
    int64_t count = 0;
    {
        std::lock_guard lock(shard.mutex);
        Window& window = shard.windows[client];
        if (window.start_epoch_seconds != window_start) window = Window{window_start, 0};
        count = ++window.count;
        // Forget clients whose window has passed so the map stays bounded by active clients.
        if (shard.windows.size() > 10000) {
            std::erase_if(shard.windows, [&](const auto& entry) {
                return entry.second.start_epoch_seconds != window_start;
            });
        }
    }
    decision.limit = limit_;
    decision.reset_epoch_seconds = window_start + window_seconds_;
    decision.allowed = count <= limit_;
    decision.remaining = decision.allowed ? limit_ - count : 0;
    if (!decision.allowed) decision.retry_after_seconds = decision.reset_epoch_seconds - now;
    return decision;
}

}  // namespace pmstudio::api
