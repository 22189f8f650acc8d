#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pmstudio {

// Cryptographically strong random bytes (OpenSSL RAND_bytes); throws on failure.
void fill_random(unsigned char* out, size_t size);

// Lowercase hex of `size` random bytes.
std::string random_hex(size_t size);

// Lowercase hex SHA-256 digest.
std::string sha256_hex(std::string_view data);

// Lowercase hex HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// Constant-time comparison of two equally sized strings.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace pmstudio
