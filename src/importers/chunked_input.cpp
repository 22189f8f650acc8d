#include "importers/chunked_input.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kQueuedChunks = 4;
constexpr int64_t kMaxWholeInflate = int64_t{1} << 30;

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
    if (inflate_at_once(file)) return;
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

bool ChunkedInput::inflate_at_once(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> compressed(static_cast<size_t>(bytes_total_));
    if (bytes_total_ < 18 || !in.read(compressed.data(), bytes_total_)) return false;
    const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + bytes_total_ - 4);
    const uint32_t size = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (uint32_t{tail[3]} << 24);
    if (size == 0 || size > kMaxWholeInflate) return false;
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> inflater(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    if (!inflater) return false;
    inflated_.resize(size);
    size_t produced = 0;
    size_t consumed = 0;
    const auto result =
        libdeflate_gzip_decompress_ex(inflater.get(), compressed.data(), compressed.size(),
                                      inflated_.data(), inflated_.size(), &consumed, &produced);
    // A stream that is corrupt, multi-member or of another size than its trailer says goes
    // through zlib, which reports what is wrong with it.
    if (result != LIBDEFLATE_SUCCESS || produced != size ||
        consumed != compressed.size()) {
        inflated_ = {};
        return false;
    }
    return true;
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
    if (!inflated_.empty()) {
        const size_t size = std::min(kChunkSize, inflated_.size() - inflated_position_);
        const std::string_view chunk(inflated_.data() + inflated_position_, size);
        inflated_position_ += size;
        bytes_read_ = static_cast<int64_t>(static_cast<double>(bytes_total_) *
                                           static_cast<double>(inflated_position_) /
                                           static_cast<double>(inflated_.size()));
        return chunk;
    }
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
