#include "importers/chunked_input.h"

#include <zlib.h>

#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kQueuedChunks = 4;

bool starts_with_gzip_magic(std::FILE* file) {
    unsigned char magic[2] = {0, 0};
    const size_t got = std::fread(magic, 1, 2, file);
    std::rewind(file);
    return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

}  // namespace

ChunkedInput::ChunkedInput(const std::filesystem::path& file) {
    std::error_code error;
    bytes_total_ = static_cast<int64_t>(std::filesystem::file_size(file, error));
    plain_ = std::fopen(file.c_str(), "rb");
    if (plain_ == nullptr || error) {
        if (plain_ != nullptr) std::fclose(plain_);
        throw ImportError(400, "Cannot open " + file.string());
    }
    if (!starts_with_gzip_magic(plain_)) {
        current_.data.resize(kChunkSize);
        return;
    }
    std::fclose(plain_);
    plain_ = nullptr;
    gzFile gz = gzopen(file.c_str(), "rb");
    if (gz == nullptr) throw ImportError(400, "Cannot open " + file.string());
    gzbuffer(gz, kChunkSize);
    gzip_ = gz;
    free_.resize(kQueuedChunks);
    for (auto& chunk : free_) chunk.data.resize(kChunkSize);
    inflater_ = std::thread([this] { inflate_loop(); });
}

ChunkedInput::~ChunkedInput() {
    if (inflater_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        inflater_.join();
    }
    if (gzip_ != nullptr) gzclose(static_cast<gzFile>(gzip_));
    if (plain_ != nullptr) std::fclose(plain_);
}

void ChunkedInput::inflate_loop() {
    auto* gz = static_cast<gzFile>(gzip_);
    for (;;) {
        Chunk chunk;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !free_.empty(); });
            if (stopping_) return;
            chunk = std::move(free_.back());
            free_.pop_back();
        }
        const int got = gzread(gz, chunk.data.data(), static_cast<unsigned>(chunk.data.size()));
        chunk.size = got > 0 ? static_cast<size_t>(got) : 0;
        chunk.file_offset = gzoffset(gz);
        if (got <= 0) {
            int code = Z_OK;
            const char* message = gzerror(gz, &code);
            if (code != Z_OK) chunk.error = message;  // Z_BUF_ERROR: truncated stream
        }
        const bool last = got <= 0;
        {
            std::lock_guard lock(mutex_);
            ready_.push_back(std::move(chunk));
        }
        changed_.notify_all();
        if (last) return;
    }
}

std::string_view ChunkedInput::next() {
    if (plain_ != nullptr) {
        current_.size = std::fread(current_.data.data(), 1, current_.data.size(), plain_);
        if (std::ferror(plain_)) throw ImportError(400, "Cannot read the file");
        bytes_read_ += static_cast<int64_t>(current_.size);
        return {current_.data.data(), current_.size};
    }
    std::unique_lock lock(mutex_);
    if (!current_.data.empty()) free_.push_back(std::move(current_));
    changed_.notify_all();
    if (finished_) return {};
    changed_.wait(lock, [&] { return !ready_.empty(); });
    current_ = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    if (!current_.error.empty()) throw ImportError(400, "Invalid gzip file: " + current_.error);
    bytes_read_ = current_.file_offset;
    if (current_.size == 0) finished_ = true;
    return {current_.data.data(), current_.size};
}

}  // namespace pmstudio::importers
