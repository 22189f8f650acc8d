#include "importers/zip_archive.h"

#include <zip.h>

#include <stdexcept>

namespace pmstudio::importers {

ZipEntry::ZipEntry(zip_file* file, int64_t size) : file_(file), size_(size) {}

ZipEntry::~ZipEntry() {
    if (file_ != nullptr) zip_fclose(file_);
}

ZipEntry::ZipEntry(ZipEntry&& other) noexcept
    : file_(other.file_), size_(other.size_), position_(other.position_) {
    other.file_ = nullptr;
}

size_t ZipEntry::read(char* buffer, size_t capacity) {
    const zip_int64_t n = zip_fread(file_, buffer, capacity);
    if (n < 0) {
        throw std::runtime_error(std::string("damaged zip member (") +
                                 zip_error_strerror(zip_file_get_error(file_)) + ")");
    }
    position_ += n;
    return static_cast<size_t>(n);
}

ZipArchive::ZipArchive(const std::string& path) {
    int code = 0;
    archive_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (archive_ == nullptr) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw std::runtime_error("not a readable zip archive (" + message + ")");
    }
}

ZipArchive::~ZipArchive() {
    zip_discard(archive_);
}

std::vector<ZipArchive::Member> ZipArchive::members() const {
    std::vector<Member> out;
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
        out.push_back(
            {stat.name, static_cast<int64_t>(stat.size), static_cast<int64_t>(stat.comp_size)});
    }
    return out;
}

bool ZipArchive::contains(const std::string& name) const {
    return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

ZipEntry ZipArchive::open(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, name.c_str(), ZIP_FL_NOCASE, &stat) != 0) {
        throw std::runtime_error("missing part " + name);
    }
    zip_file* file = zip_fopen_index(archive_, stat.index, 0);
    if (file == nullptr) {
        throw std::runtime_error("cannot read part " + name + " (" +
                                 zip_error_strerror(zip_get_error(archive_)) + ")");
    }
    const int64_t size = (stat.valid & ZIP_STAT_SIZE) ? static_cast<int64_t>(stat.size) : -1;
    return ZipEntry(file, size);
}

}  // namespace pmstudio::importers
