#include "common/base64.h"

#include <gtest/gtest.h>

namespace pmstudio {
namespace {

TEST(Base64, EncodesRfc4648Vectors) {
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
    EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, DecodesRfc4648Vectors) {
    EXPECT_EQ(base64_decode(""), std::string());
    EXPECT_EQ(base64_decode("Zg=="), "f");
    EXPECT_EQ(base64_decode("Zm8="), "fo");
    EXPECT_EQ(base64_decode("Zm9v"), "foo");
    EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
}

TEST(Base64, RoundTripsEveryByteValue) {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
    for (size_t length = 0; length <= bytes.size(); length += 37) {
        const std::string slice = bytes.substr(0, length);
        EXPECT_EQ(base64_decode(base64_encode(slice)), slice);
    }
}

TEST(Base64, RejectsCharactersOutsideTheAlphabet) {
    EXPECT_FALSE(base64_decode("Zm9*"));
    EXPECT_FALSE(base64_decode("Zm9v!!!!"));
    EXPECT_FALSE(base64_decode("Zm-v"));
    EXPECT_FALSE(base64_decode("Zm_v"));
}

TEST(Base64, RejectsWhitespaceAndLineBreaks) {
    EXPECT_FALSE(base64_decode("Zm9v\nYmFy"));
    EXPECT_FALSE(base64_decode(" Zm9vYmF"));
    EXPECT_FALSE(base64_decode("Zm9vYmF "));
}

TEST(Base64, RejectsBadPadding) {
    EXPECT_FALSE(base64_decode("Zg"));
    EXPECT_FALSE(base64_decode("Zg="));
    EXPECT_FALSE(base64_decode("Z==="));
    EXPECT_FALSE(base64_decode("Zg==Zm8="));
    EXPECT_FALSE(base64_decode("=Zm9"));
}

TEST(Base64, RejectsNonZeroTrailingBits) {
    EXPECT_FALSE(base64_decode("Zh=="));
    EXPECT_FALSE(base64_decode("Zm9="));
}

}  // namespace
}  // namespace pmstudio
