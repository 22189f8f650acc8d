#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "eventlog/event_log.h"

namespace pmstudio::importers {

// A .mzz file that does not follow the format (docs/formats-mzz.md): `offset` is the byte offset
// in the decompressed payload where the reader found the unexpected bytes; what() says what was
// expected and found and includes the offset, e.g.
// "mzz offset 0x0A60: expected column record tag 8, found 7".
class MzzFormatError : public std::runtime_error {
public:
    MzzFormatError(uint64_t offset, const std::string& problem);
    uint64_t offset() const { return offset_; }
    // The message without the offset.
    const std::string& problem() const { return problem_; }

private:
    uint64_t offset_;
    std::string problem_;
};

// Reads a whole mindzieStudio dataset file (.mzz: a single-member gzip over the .NET BinaryWriter
// payload), strictly: anything the format description does not allow is a MzzFormatError. The
// result is the canonical log, source_format "mzz", with the dataset's case/event attribute
// split, types, derived (enrichment) columns and freeze time. A file that cannot be opened or
// read throws ImportError(400).
eventlog::EventLog read_mzz(const std::filesystem::path& file);

}  // namespace pmstudio::importers
