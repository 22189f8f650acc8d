#pragma once

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace pmstudio::importers {

// Reads a file in large chunks, plain or gzip-compressed (detected by the magic bytes 1f 8b).
// Compressed files are inflated by a background thread that stays a few chunks ahead of the
// reader (a bounded queue of reused buffers), so decompression and parsing share the two cores.
// Throws ImportError(400) when the file cannot be opened or the gzip stream is corrupt.
class ChunkedInput {
public:
    static constexpr size_t kChunkSize = size_t{1} << 20;

    explicit ChunkedInput(const std::filesystem::path& file);
    ~ChunkedInput();
    ChunkedInput(const ChunkedInput&) = delete;
    ChunkedInput& operator=(const ChunkedInput&) = delete;

    // The next chunk (valid until the next call), empty at the end of the data.
    std::string_view next();
    // Bytes of the file (compressed, for gzip) consumed so far, and the file's size.
    int64_t bytes_read() const { return bytes_read_; }
    int64_t bytes_total() const { return bytes_total_; }
    bool compressed() const { return gzip_ != nullptr; }

private:
    struct Chunk {
        std::vector<char> data;
        size_t size = 0;
        int64_t file_offset = 0;
        std::string error;  // non-empty: the inflater failed here
    };

    void inflate_loop();

    int64_t bytes_total_ = 0;
    int64_t bytes_read_ = 0;
    std::FILE* plain_ = nullptr;
    void* gzip_ = nullptr;  // gzFile
    Chunk current_;

    // Inflater thread state, guarded by mutex_.
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Chunk> ready_;
    std::vector<Chunk> free_;
    bool stopping_ = false;
    bool finished_ = false;
    std::thread inflater_;
};

}  // namespace pmstudio::importers
