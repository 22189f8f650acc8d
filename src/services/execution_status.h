#pragma once

namespace pmstudio::services {

// Execution statuses. A single block's execution ends as Success (Block API); a notebook's as
// Completed (Project Cache and Execution pages); both can end Failed or Cancelled.
inline constexpr const char* kQueued = "Queued";
inline constexpr const char* kRunning = "Running";
inline constexpr const char* kSucceeded = "Success";
inline constexpr const char* kCompleted = "Completed";
inline constexpr const char* kFailed = "Failed";
inline constexpr const char* kCancelled = "Cancelled";

}  // namespace pmstudio::services
