#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "eventlog/event_log.h"

namespace pmstudio::eventlog {

// A dataset file or upload that is not a valid pmstudio binary event log (docs/binary-format.md):
// wrong magic, newer version, checksum mismatch, truncation or inconsistent counts.
class FormatError : public std::runtime_error {
public:
    FormatError(const std::string& problem, uint64_t offset);
    // Where in the bytes the problem was found.
    uint64_t offset() const { return offset_; }
    // The message without the offset.
    const std::string& problem() const { return problem_; }

private:
    std::string problem_;
    uint64_t offset_;
};

// The binary form of a log: the on-disk store and the API's binary upload/export format.
std::string encode_event_log(const EventLog& log);
// Throws FormatError for anything but the complete, intact bytes of a supported version.
EventLog decode_event_log(std::string_view bytes);

// Writes atomically: a temporary file in the same directory, fsync, rename over `path`, fsync of
// the directory. On failure the previous file at `path` is untouched.
void write_event_log_file(const EventLog& log, const std::filesystem::path& path);
EventLog read_event_log_file(const std::filesystem::path& path);

}  // namespace pmstudio::eventlog
