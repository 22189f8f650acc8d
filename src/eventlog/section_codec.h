#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eventlog/byte_io.h"

// The uncompressed payload encodings of docs/binary-format.md: packed integers, doubles, strings.
namespace pmstudio::eventlog::section_codec {

// Appends `n` integers as a packed-integer block (plain or delta, frame of reference, common
// divisor, the narrowest byte width).
void pack_ints(const int64_t* values, size_t n, std::string& out);
// Reads a packed-integer block of `n` values. `reference_shift` is added to the block's reference
// (resources are stored +1 so that kNoResource packs as 0). Values are truncated to T.
template <typename T>
void unpack_ints(ByteReader& in, size_t n, T* out, uint64_t reference_shift = 0);

void pack_doubles(const double* values, size_t n, std::string& out);
// `scratch` is reused between calls to hold decimal mantissas.
void unpack_doubles(ByteReader& in, size_t n, double* out, std::vector<int64_t>& scratch);

void pack_strings(const std::string* values, size_t n, std::string& out);
void unpack_strings(ByteReader& in, size_t n, std::string* out, std::vector<uint32_t>& scratch);

}  // namespace pmstudio::eventlog::section_codec
