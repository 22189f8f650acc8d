#include "importers/mzz_input.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kChunkSize = size_t{1} << 18;
// .NET writes string lengths as a 7-bit-encoded Int32: at most 5 bytes.
constexpr int kMaxLengthBytes = 5;
// A list is reserved for at most this many items before they are read (its count is not trusted).
constexpr size_t kMaxReservedItems = 64;

std::string hex_bytes(std::string_view bytes) {
    std::string out;
    for (unsigned char byte : bytes) {
        if (!out.empty()) out += ' ';
        out += fmt::format("{:02x}", byte);
    }
    return out;
}

}  // namespace

struct MzzInput::Inflater {
    z_stream stream{};
    bool initialised = false;
    ~Inflater() {
        if (initialised) inflateEnd(&stream);
    }
};

MzzInput::MzzInput(const std::filesystem::path& file)
    : inflater_(std::make_unique<Inflater>()), input_(kChunkSize), buffer_(kChunkSize) {
    file_.reset(std::fopen(file.c_str(), "rb"));
    if (!file_) throw ImportError(400, "Cannot open " + file.string());
    unsigned char magic[2] = {0, 0};
    const size_t got = std::fread(magic, 1, 2, file_.get());
    if (got < 2 || magic[0] != 0x1f || magic[1] != 0x8b) {
        fail(0, got == 0 ? std::string("expected a gzip file, found an empty file")
                         : "expected a gzip file (magic 1f 8b), found " +
                               hex_bytes({reinterpret_cast<const char*>(magic), got}));
    }
    std::rewind(file_.get());
    // 16 + MAX_WBITS: gzip only, no zlib or raw deflate.
    if (inflateInit2(&inflater_->stream, 16 + MAX_WBITS) != Z_OK) {
        throw ImportError(400, "Cannot start gzip decompression");
    }
    inflater_->initialised = true;
}

MzzInput::~MzzInput() = default;

void MzzInput::fail(uint64_t at, const std::string& problem) const {
    throw MzzFormatError(at, problem);
}

bool MzzInput::inflate_more() {
    z_stream& stream = inflater_->stream;
    stream.next_out = reinterpret_cast<Bytef*>(buffer_.data() + end_);
    stream.avail_out = static_cast<uInt>(buffer_.size() - end_);
    while (stream.avail_out > 0 && !member_ended_) {
        if (stream.avail_in == 0) {
            const size_t got = std::fread(input_.data(), 1, input_.size(), file_.get());
            if (std::ferror(file_.get())) throw ImportError(400, "Cannot read the file");
            if (got == 0) {
                fail(stream.total_out,
                     "expected more gzip data, found the end of the file "
                     "(the file is truncated)");
            }
            stream.next_in = reinterpret_cast<Bytef*>(input_.data());
            stream.avail_in = static_cast<uInt>(got);
        }
        const int result = inflate(&stream, Z_NO_FLUSH);
        if (result == Z_STREAM_END) {
            member_ended_ = true;
        } else if (result != Z_OK && result != Z_BUF_ERROR) {
            fail(stream.total_out, std::string("expected valid gzip data, found corrupt data (") +
                                       (stream.msg != nullptr ? stream.msg : "zlib error") + ")");
        }
    }
    const size_t produced = buffer_.size() - end_ - stream.avail_out;
    end_ += produced;
    return produced > 0;
}

bool MzzInput::fill(size_t size) {
    while (end_ - position_ < size) {
        if (member_ended_) return false;
        if (position_ > 0) {
            std::memmove(buffer_.data(), buffer_.data() + position_, end_ - position_);
            end_ -= position_;
            position_ = 0;
        }
        if (buffer_.size() < std::max(size, kChunkSize)) buffer_.resize(std::max(size, kChunkSize));
        inflate_more();
    }
    return true;
}

const char* MzzInput::take(size_t size, std::string_view what) {
    if (!fill(size)) fail(consumed_, fmt::format("expected {}, found the end of the data", what));
    const char* bytes = buffer_.data() + position_;
    position_ += size;
    consumed_ += size;
    return bytes;
}

uint8_t MzzInput::u8(std::string_view what) {
    return static_cast<uint8_t>(*take(1, what));
}

int32_t MzzInput::i32(std::string_view what) {
    int32_t value = 0;
    std::memcpy(&value, take(sizeof value, what), sizeof value);
    return value;
}

int64_t MzzInput::i64(std::string_view what) {
    int64_t value = 0;
    std::memcpy(&value, take(sizeof value, what), sizeof value);
    return value;
}

float MzzInput::f32(std::string_view what) {
    float value = 0;
    std::memcpy(&value, take(sizeof value, what), sizeof value);
    return value;
}

std::string MzzInput::str(std::string_view what) {
    const uint64_t at = consumed_;
    uint64_t length = 0;
    for (int i = 0;; ++i) {
        if (i == kMaxLengthBytes) {
            fail(at, fmt::format("expected the 7-bit-encoded length of {}, found more than {} "
                                 "length bytes",
                                 what, kMaxLengthBytes));
        }
        const uint8_t byte = u8(what);
        length |= uint64_t{byte & 0x7FU} << (7 * i);
        if ((byte & 0x80U) == 0) break;
    }
    if (length > INT32_MAX) {
        fail(at, fmt::format("expected the length of {}, found {} (more than a .NET string holds)",
                             what, length));
    }
    // In pieces, so that a length the data does not back cannot make us allocate it up front.
    std::string text;
    while (text.size() < length) {
        const size_t piece = std::min<uint64_t>(length - text.size(), kChunkSize);
        text.append(take(piece, what), piece);
    }
    return text;
}

bool MzzInput::null_flag(std::string_view what) {
    const uint64_t at = consumed_;
    const uint8_t flag = u8(what);
    if (flag > 1)
        fail(at, fmt::format("expected the null flag of {} (0 or 1), found {}", what, flag));
    return flag == 1;
}

std::optional<std::string> MzzInput::nstr(std::string_view what) {
    if (null_flag(what)) return std::nullopt;
    return str(what);
}

std::optional<std::vector<std::string>> MzzInput::nlist(std::string_view what) {
    if (null_flag(what)) return std::nullopt;
    const uint64_t at = consumed_;
    const int32_t count = i32(what);
    if (count < 0) fail(at, fmt::format("expected the count of {}, found {}", what, count));
    std::vector<std::string> items;
    items.reserve(std::min<size_t>(static_cast<size_t>(count), kMaxReservedItems));
    for (int32_t i = 0; i < count; ++i) items.push_back(str(what));
    return items;
}

void MzzInput::expect_u8(uint8_t expected, std::string_view what) {
    const uint64_t at = consumed_;
    const uint8_t found = u8(what);
    if (found != expected) fail(at, fmt::format("expected {} {}, found {}", what, expected, found));
}

void MzzInput::expect_i32(int32_t expected, std::string_view what) {
    const uint64_t at = consumed_;
    const int32_t found = i32(what);
    if (found != expected) fail(at, fmt::format("expected {} {}, found {}", what, expected, found));
}

void MzzInput::expect_bytes(std::string_view expected, std::string_view what) {
    const uint64_t at = consumed_;
    const std::string_view found(take(expected.size(), what), expected.size());
    if (found != expected) {
        fail(at,
             fmt::format("expected {} {}, found {}", what, hex_bytes(expected), hex_bytes(found)));
    }
}

void MzzInput::expect_end() {
    const uint64_t at = consumed_;
    uint64_t extra = 0;
    while (fill(1)) {
        extra += end_ - position_;
        position_ = end_;
    }
    if (extra > 0) {
        fail(at, fmt::format("expected the end of the payload after the trailer, found {} more "
                             "bytes",
                             extra));
    }
    const bool more_in_file = inflater_->stream.avail_in > 0 || std::fgetc(file_.get()) != EOF;
    if (more_in_file) {
        fail(at,
             "expected the end of the file after the gzip member, found more data (a second "
             "gzip member or other bytes)");
    }
}

}  // namespace pmstudio::importers
