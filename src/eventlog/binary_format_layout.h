#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

// The constants and fixed-size records of docs/binary-format.md, shared by encoder and decoder.
namespace pmstudio::eventlog::binary_layout {

static_assert(std::endian::native == std::endian::little,
              "the binary format is little-endian and read by memcpy");

constexpr std::string_view kMagic{"PMSLOG\0\1", 8};
constexpr std::string_view kEndMagic{"PMSLEND\1", 8};
constexpr uint32_t kFormatVersion = 2;
// Version 2 added the freeze time to the header and the derived flag of attribute columns.
constexpr uint32_t kVersionWithEnrichment = 2;
// Writers cut every stream into sections of this many rows (the last one shorter); readers accept
// sections of up to kMaxSectionRows rows. A multiple of 64, so null bitmaps split at word bounds.
constexpr uint64_t kSectionRows = uint64_t{1} << 16;
constexpr uint64_t kMaxSectionRows = uint64_t{1} << 20;
constexpr int kZstdLevel = 1;

enum class SectionKind : uint32_t {
    CaseIds = 1,
    CaseOffsets = 2,
    ActivityNames = 3,
    ResourceNames = 4,
    Activity = 5,
    Timestamp = 6,
    Resource = 7,
    StartTime = 8,
    AttributeNulls = 9,
    AttributeValues = 10,
    AttributeDictionary = 11,
};

std::string_view section_kind_name(SectionKind kind);

// The fixed 48-byte record in front of every section payload, repeated in the footer directory.
struct SectionHeader {
    SectionKind kind{};
    uint32_t column = 0;  // attribute index (case attributes first), 0 for the other kinds
    uint64_t first_row = 0;
    uint64_t row_count = 0;
    uint64_t raw_size = 0;     // bytes after decompression
    uint64_t stored_size = 0;  // zstd bytes that follow
    uint64_t checksum = 0;     // XXH3-64 (seed 0) of the stored bytes

    bool operator==(const SectionHeader&) const = default;
};
constexpr size_t kSectionHeaderSize = 48;
// The directory entry: the section's file offset, then its header.
constexpr size_t kDirectoryEntrySize = 8 + kSectionHeaderSize;
// footer_offset, footer_size, footer_checksum, end magic.
constexpr size_t kTrailerSize = 32;
// Magic, version, header body length.
constexpr size_t kPreambleSize = 16;

// Attribute column flags in the header.
constexpr uint8_t kColumnHasNulls = 1;
constexpr uint8_t kColumnDerived = 2;
// Log flags in the header.
constexpr uint8_t kLogHasResource = 1;
constexpr uint8_t kLogHasStartTime = 2;

// Double value encodings (first byte of an AttributeValues payload of a Double column).
constexpr uint8_t kDoubleBits = 0;
constexpr uint8_t kDoubleDecimal = 1;
constexpr int kMaxDecimalExponent = 9;
constexpr std::array<double, kMaxDecimalExponent + 1> kPowersOfTen = {1e0, 1e1, 1e2, 1e3, 1e4,
                                                                      1e5, 1e6, 1e7, 1e8, 1e9};

}  // namespace pmstudio::eventlog::binary_layout
