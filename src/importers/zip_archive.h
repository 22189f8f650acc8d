#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct zip;
struct zip_file;

namespace pmstudio::importers {

// One member of a zip archive, read front to back without holding it in memory.
class ZipEntry {
public:
    ZipEntry(zip_file* file, int64_t size);
    ~ZipEntry();
    ZipEntry(ZipEntry&&) noexcept;
    ZipEntry& operator=(ZipEntry&&) = delete;

    // Reads up to `capacity` bytes; returns 0 at the end. Throws std::runtime_error when the
    // member is damaged.
    size_t read(char* buffer, size_t capacity);
    // Uncompressed size and bytes read so far.
    int64_t size() const { return size_; }
    int64_t position() const { return position_; }

private:
    zip_file* file_;
    int64_t size_;
    int64_t position_ = 0;
};

// A zip archive opened read-only. Member names are looked up case-insensitively (as OPC packages
// such as .xlsx files require).
class ZipArchive {
public:
    // Throws std::runtime_error when the file cannot be opened or is not a zip archive.
    explicit ZipArchive(const std::string& path);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(const std::string& name) const;
    // Every member's name with its uncompressed and compressed sizes, in archive order.
    struct Member {
        std::string name;
        int64_t size;
        int64_t compressed_size;
    };
    std::vector<Member> members() const;
    // Throws std::runtime_error when there is no such member.
    ZipEntry open(const std::string& name) const;

private:
    zip* archive_;
};

}  // namespace pmstudio::importers
