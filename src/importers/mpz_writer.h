#pragma once

#include <deque>
#include <filesystem>
#include <string>

struct zip;
struct zip_source;

namespace pmstudio::importers {

// Writes a project package (.mpz, a zip archive) entry by entry without holding the data files in
// memory: files are only named here and read by libzip while close() writes the archive.
class MpzWriter {
public:
    // Creates (or truncates) `file`; std::runtime_error when it cannot.
    explicit MpzWriter(const std::filesystem::path& file);
    ~MpzWriter();  // without close(): nothing is written
    MpzWriter(const MpzWriter&) = delete;
    MpzWriter& operator=(const MpzWriter&) = delete;

    // A deflated entry holding `bytes`.
    void add_bytes(const std::string& name, std::string bytes);
    // An entry holding the file at `source` (which must exist until close()); `compress` false
    // stores it as is (for data that is compressed already).
    void add_file(const std::string& name, const std::filesystem::path& source, bool compress);
    // Writes the archive; std::runtime_error naming the problem.
    void close();

private:
    void add(const std::string& name, zip_source* source, bool compress);

    zip* archive_ = nullptr;
    std::deque<std::string> buffers_;  // buffers libzip reads at close()
};

}  // namespace pmstudio::importers
