#include "eventlog/section_codec.h"

#include <gtest/gtest.h>

namespace pmstudio::eventlog::section_codec {
namespace {

// Every byte width, with lengths around the point where the 8-byte loads stop.
TEST(SectionCodecTest, PacksAndUnpacksEveryWidthAndLength) {
    for (int width = 0; width <= 8; ++width) {
        for (size_t n = 1; n <= 20; ++n) {
            // Alternating low and high values (span odd), so that the range needs exactly `width`
            // bytes.
            const uint64_t span = width == 0 ? 0 : (~uint64_t{0} >> (64 - 8 * width));
            const int64_t low = width == 8 ? INT64_MIN : -3;
            std::vector<int64_t> values(n);
            for (size_t i = 0; i < n; ++i) {
                const uint64_t offset = width == 0 ? 0 : (i % 2 == 1 ? span : i);
                values[i] = static_cast<int64_t>(static_cast<uint64_t>(low) + offset);
            }
            std::string packed;
            pack_ints(values.data(), n, packed);
            ByteReader in(packed, 0, "test");
            std::vector<int64_t> back(n);
            unpack_ints(in, n, back.data());
            EXPECT_EQ(back, values) << "width " << width << ", n " << n;
            // From three values on, the common divisor is 1 and the width is exact (at width 8
            // the deltas wrap around and pack narrower).
            if (n >= 3 && width < 8) {
                EXPECT_EQ(packed.size(), 26 + n * width) << "width " << width;
            }
            EXPECT_EQ(in.remaining(), 0u);
        }
    }
}

TEST(SectionCodecTest, DecimalDoublesComeBackBitForBit) {
    const std::vector<double> values = {0.1, 0.2, 0.3, 12.345, -7.5, 1e9, 0.0};
    std::string packed;
    pack_doubles(values.data(), values.size(), packed);
    ByteReader in(packed, 0, "test");
    std::vector<double> back(values.size());
    std::vector<int64_t> scratch;
    unpack_doubles(in, values.size(), back.data(), scratch);
    EXPECT_EQ(std::memcmp(back.data(), values.data(), values.size() * sizeof(double)), 0);
}

}  // namespace
}  // namespace pmstudio::eventlog::section_codec
