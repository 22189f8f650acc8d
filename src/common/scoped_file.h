#pragma once

#include <filesystem>
#include <utility>

namespace pmstudio {

// A temporary file removed when this goes out of scope, unless released to a new owner.
class ScopedFile {
public:
    ScopedFile() = default;
    explicit ScopedFile(std::filesystem::path path) : path_(std::move(path)) {}
    ~ScopedFile() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove(path_, ignored);
    }
    ScopedFile(const ScopedFile&) = delete;
    ScopedFile& operator=(const ScopedFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Takes charge of a file; any other file held before is removed first.
    void reset(std::filesystem::path path) {
        if (path != path_) ScopedFile previous(std::exchange(path_, std::move(path)));
    }
    // Hands the file over: it is no longer removed.
    std::filesystem::path release() { return std::exchange(path_, {}); }

private:
    std::filesystem::path path_;
};

}  // namespace pmstudio
