#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "importers/zip_archive.h"

namespace pmstudio::importers {

// What a project package may expand to (docs/project-transfer.md): zip bombs are refused before
// anything is extracted, and extraction stops when a member yields more than its directory entry
// declared.
struct MpzLimits {
    int64_t max_total_bytes = int64_t{8} << 30;       // all members, uncompressed
    int64_t max_ratio = 200;                          // uncompressed : compressed, per member ...
    int64_t ratio_floor_bytes = int64_t{1} << 20;     // ... of at least this many bytes
    int64_t max_document_bytes = int64_t{256} << 20;  // project.mcl
};

// A project package (.mpz) opened for import. Every problem with the container is an
// ImportError(400) whose message names it: not a zip archive, a member with an absolute path or
// a ".." segment, a member that expands too much, members that expand beyond the total limit.
class MpzArchive {
public:
    explicit MpzArchive(const std::filesystem::path& file, MpzLimits limits = {});

    bool contains(const std::string& name) const;
    // A member's text (ImportError 400 when missing or larger than max_document_bytes).
    std::string read_text(const std::string& name) const;
    // Streams a member into `target` (created or truncated).
    void extract(const std::string& name, const std::filesystem::path& target) const;

private:
    const ZipArchive::Member& member(const std::string& name) const;

    std::unique_ptr<ZipArchive> zip_;
    std::vector<ZipArchive::Member> members_;
    MpzLimits limits_;
};

}  // namespace pmstudio::importers
