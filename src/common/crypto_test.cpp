#include "common/crypto.h"

#include <gtest/gtest.h>

namespace pmstudio {

TEST(CryptoTest, Sha256MatchesTheStandardVector) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoTest, HmacSha256MatchesRfc4231TestCase2) {
    EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoTest, HmacDependsOnKeyAndData) {
    EXPECT_NE(hmac_sha256_hex("key-a", "data"), hmac_sha256_hex("key-b", "data"));
    EXPECT_NE(hmac_sha256_hex("key", "data-1"), hmac_sha256_hex("key", "data-2"));
}

TEST(CryptoTest, RandomHexHasTheAskedLengthAndVaries) {
    const auto a = random_hex(32);
    EXPECT_EQ(a.size(), 64U);
    EXPECT_NE(a, random_hex(32));
}

TEST(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
    EXPECT_TRUE(constant_time_equals("abc", "abc"));
    EXPECT_FALSE(constant_time_equals("abc", "abd"));
    EXPECT_FALSE(constant_time_equals("abc", "abcd"));
}

}  // namespace pmstudio
