#include "eventlog/section_codec.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <utility>

#include "eventlog/binary_format.h"
#include "eventlog/binary_format_layout.h"

namespace pmstudio::eventlog::section_codec {
namespace {

constexpr uint8_t kPlain = 0;
constexpr uint8_t kDelta = 1;

// How a sequence x[i] (two's complement) is stored: (x[i] - reference) / scale in `width` bytes.
struct Frame {
    uint64_t reference = 0;
    uint64_t scale = 1;
    int width = 0;
};

Frame frame_for(const std::vector<uint64_t>& x) {
    Frame frame;
    if (x.empty()) return frame;
    auto low = static_cast<int64_t>(x[0]);
    auto high = low;
    for (uint64_t value : x) {
        low = std::min(low, static_cast<int64_t>(value));
        high = std::max(high, static_cast<int64_t>(value));
    }
    frame.reference = static_cast<uint64_t>(low);
    uint64_t divisor = 0;
    for (uint64_t value : x) {
        divisor = std::gcd(divisor, value - frame.reference);
        if (divisor == 1) break;
    }
    if (divisor > 1) frame.scale = divisor;
    const uint64_t largest = (static_cast<uint64_t>(high) - frame.reference) / frame.scale;
    frame.width = static_cast<int>((std::bit_width(largest) + 7) / 8);
    return frame;
}

template <int Width, bool Delta, typename T>
void unpack_loop(const unsigned char* data, size_t n, uint64_t first, uint64_t reference,
                 uint64_t scale, T* out) {
    // Widths other than 1, 2, 4 and 8 load 8 bytes and mask (a narrower load would go through
    // memory and stall store forwarding); the last values, where 8 bytes would run past the
    // data, load exactly Width bytes.
    constexpr bool kMasked = Width != 0 && Width != 1 && Width != 2 && Width != 4 && Width != 8;
    constexpr uint64_t kMask = Width >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * Width)) - 1;
    const size_t wide = kMasked && n * Width >= 8 ? (n * Width - 8) / Width + 1 : 0;
    uint64_t running = first;
    for (size_t i = 0; i < n; ++i) {
        uint64_t packed = 0;
        if constexpr (kMasked) {
            if (i < wide) {
                std::memcpy(&packed, data + i * Width, 8);
                packed &= kMask;
            } else {
                std::memcpy(&packed, data + i * Width, Width);
            }
        } else if constexpr (Width > 0) {
            std::memcpy(&packed, data + i * Width, Width);
        }
        const uint64_t value = reference + packed * scale;
        if constexpr (Delta) {
            running += value;
            out[i] = static_cast<T>(running);
        } else {
            out[i] = static_cast<T>(value);
        }
    }
}

// unpack_loop for widths 0 to 8, indexed by width.
template <bool Delta, typename T, size_t... Widths>
constexpr auto unpack_loops(std::index_sequence<Widths...>) {
    return std::array{&unpack_loop<static_cast<int>(Widths), Delta, T>...};
}

template <bool Delta, typename T>
void unpack_width(int width, const unsigned char* data, size_t n, uint64_t first,
                  uint64_t reference, uint64_t scale, T* out) {
    static constexpr auto kLoops = unpack_loops<Delta, T>(std::make_index_sequence<9>{});
    kLoops[width](data, n, first, reference, scale, out);
}

// The mantissa of `value` at 10^exponent when it converts back to exactly the same double.
bool decimal_mantissa(double value, int exponent, int64_t& mantissa) {
    const double power = binary_layout::kPowersOfTen[exponent];
    const double scaled = value * power;
    if (!(std::fabs(scaled) < 9007199254740992.0)) return false;  // 2^53, also rejects NaN
    mantissa = std::llrint(scaled);
    const double back = static_cast<double>(mantissa) / power;
    return std::bit_cast<uint64_t>(back) == std::bit_cast<uint64_t>(value);  // bit for bit
}

// The smallest exponent at which every value is an exact decimal, or -1.
int decimal_exponent(const double* values, size_t n) {
    int64_t mantissa = 0;
    for (int exponent = 0; exponent <= binary_layout::kMaxDecimalExponent; ++exponent) {
        size_t i = 0;
        while (i < n && decimal_mantissa(values[i], exponent, mantissa)) ++i;
        if (i == n) return exponent;
    }
    return -1;
}

}  // namespace

void pack_ints(const int64_t* values, size_t n, std::string& out) {
    std::vector<uint64_t> plain(values, values + n);
    std::vector<uint64_t> delta(n);
    for (size_t i = 1; i < n; ++i) delta[i] = plain[i] - plain[i - 1];
    const Frame plain_frame = frame_for(plain);
    const Frame delta_frame = frame_for(delta);
    const bool use_delta = delta_frame.width < plain_frame.width;
    const Frame& frame = use_delta ? delta_frame : plain_frame;
    const std::vector<uint64_t>& x = use_delta ? delta : plain;

    ByteWriter writer(out);
    writer.put(use_delta ? kDelta : kPlain);
    writer.put(static_cast<uint8_t>(frame.width));
    writer.put(use_delta && n > 0 ? plain[0] : uint64_t{0});
    writer.put(frame.reference);
    writer.put(frame.scale);
    const size_t start = out.size();
    out.resize(start + n * frame.width);
    char* data = out.data() + start;
    for (size_t i = 0; i < n; ++i) {
        const uint64_t packed = (x[i] - frame.reference) / frame.scale;
        std::memcpy(data + i * frame.width, &packed, frame.width);
    }
}

template <typename T>
void unpack_ints(ByteReader& in, size_t n, T* out, uint64_t reference_shift) {
    const uint64_t at = in.offset();
    const auto mode = in.get<uint8_t>();
    const auto width = in.get<uint8_t>();
    const auto first = in.get<uint64_t>();
    const auto reference = in.get<uint64_t>() + reference_shift;
    const auto scale = in.get<uint64_t>();
    if (mode > kDelta || width > 8) {
        throw FormatError("unknown integer packing (mode " + std::to_string(mode) + ", width " +
                              std::to_string(width) + ")",
                          at);
    }
    const auto* data = reinterpret_cast<const unsigned char*>(in.take(n * width));
    if (mode == kDelta) {
        unpack_width<true>(width, data, n, first, reference, scale, out);
    } else {
        unpack_width<false>(width, data, n, first, reference, scale, out);
    }
}

template void unpack_ints<uint32_t>(ByteReader&, size_t, uint32_t*, uint64_t);
template void unpack_ints<int64_t>(ByteReader&, size_t, int64_t*, uint64_t);

void pack_doubles(const double* values, size_t n, std::string& out) {
    const int exponent = decimal_exponent(values, n);
    std::vector<int64_t> integers(n);
    ByteWriter writer(out);
    if (exponent >= 0) {
        writer.put(binary_layout::kDoubleDecimal);
        writer.put(static_cast<uint8_t>(exponent));
        for (size_t i = 0; i < n; ++i) decimal_mantissa(values[i], exponent, integers[i]);
    } else {
        writer.put(binary_layout::kDoubleBits);
        writer.put(uint8_t{0});
        std::memcpy(integers.data(), values, n * sizeof(double));
    }
    pack_ints(integers.data(), n, out);
}

void unpack_doubles(ByteReader& in, size_t n, double* out, std::vector<int64_t>& scratch) {
    const uint64_t at = in.offset();
    const auto encoding = in.get<uint8_t>();
    const auto exponent = in.get<uint8_t>();
    if (encoding == binary_layout::kDoubleBits) {
        scratch.resize(n);
        unpack_ints(in, n, scratch.data());
        std::memcpy(out, scratch.data(), n * sizeof(double));
    } else if (encoding == binary_layout::kDoubleDecimal &&
               exponent <= binary_layout::kMaxDecimalExponent) {
        scratch.resize(n);
        unpack_ints(in, n, scratch.data());
        const double power = binary_layout::kPowersOfTen[exponent];
        for (size_t i = 0; i < n; ++i) out[i] = static_cast<double>(scratch[i]) / power;
    } else {
        throw FormatError(
            "unknown double encoding " + std::to_string(encoding) + "/" + std::to_string(exponent),
            at);
    }
}

void pack_strings(const std::string* values, size_t n, std::string& out) {
    std::vector<int64_t> lengths(n);
    for (size_t i = 0; i < n; ++i) lengths[i] = static_cast<int64_t>(values[i].size());
    pack_ints(lengths.data(), n, out);
    for (size_t i = 0; i < n; ++i) out.append(values[i]);
}

void unpack_strings(ByteReader& in, size_t n, std::string* out, std::vector<uint32_t>& scratch) {
    scratch.resize(n);
    unpack_ints(in, n, scratch.data());
    const uint64_t at = in.offset();
    const uint64_t total = std::accumulate(scratch.begin(), scratch.end(), uint64_t{0});
    if (total != in.remaining()) {
        throw FormatError("string lengths add up to " + std::to_string(total) + " bytes but " +
                              std::to_string(in.remaining()) + " follow",
                          at);
    }
    const char* blob = in.take(total);
    for (size_t i = 0; i < n; ++i) {
        out[i].assign(blob, scratch[i]);
        blob += scratch[i];
    }
}

}  // namespace pmstudio::eventlog::section_codec
