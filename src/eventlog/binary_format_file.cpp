#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>
#include <utility>

#include "eventlog/binary_format.h"

namespace pmstudio::eventlog {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    // Closes now, so that close errors are seen.
    int close() { return ::close(std::exchange(fd_, -1)); }

private:
    int fd_;
};

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path);
        }
        bytes.remove_prefix(static_cast<size_t>(written));
    }
}

std::filesystem::path temporary_beside(const std::filesystem::path& path) {
    std::random_device random;
    std::string name = ".";
    name += path.filename().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(random());
    return path.parent_path() / name;
}

void sync_directory(const std::filesystem::path& directory) {
    FileDescriptor fd(::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail("cannot sync directory", directory);
}

// A read-only mapping of a whole file.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path) {
        FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat status {};
        if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0) fail("cannot open", path);
        size_ = static_cast<size_t>(status.st_size);
        if (size_ == 0) return;
        data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.get(), 0);
        if (data_ == MAP_FAILED) fail("cannot map", path);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (data_ != MAP_FAILED) ::munmap(data_, size_);
    }
    std::string_view bytes() const {
        return data_ == MAP_FAILED ? std::string_view{}
                                   : std::string_view(static_cast<const char*>(data_), size_);
    }

private:
    void* data_ = MAP_FAILED;
    size_t size_ = 0;
};

}  // namespace

void write_event_log_file(const EventLog& log, const std::filesystem::path& path) {
    const std::string bytes = encode_event_log(log);
    const std::filesystem::path temporary = temporary_beside(path);
    try {
        FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (fd.get() < 0) fail("cannot create", temporary);
        write_all(fd.get(), bytes, temporary);
        if (::fsync(fd.get()) != 0) fail("cannot sync", temporary);
        if (fd.close() != 0) fail("cannot close", temporary);
        if (::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot rename onto", path);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    sync_directory(path.parent_path());
}

EventLog read_event_log_file(const std::filesystem::path& path) {
    const MappedFile file(path);
    return decode_event_log(file.bytes());
}

}  // namespace pmstudio::eventlog
