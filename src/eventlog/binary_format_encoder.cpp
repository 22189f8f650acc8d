#include <xxhash.h>
#include <zstd.h>

#include <memory>
#include <stdexcept>

#include "eventlog/binary_format.h"
#include "eventlog/binary_format_header.h"
#include "eventlog/parallel_tasks.h"
#include "eventlog/section_codec.h"

namespace pmstudio::eventlog {
namespace {

using namespace binary_layout;

struct Section {
    SectionHeader header;
    std::string stored;
};

const Column& attribute(const EventLog& log, uint32_t index) {
    return index < log.case_attributes.size()
               ? log.case_attributes[index]
               : log.event_attributes[index - log.case_attributes.size()];
}

// Codes as packed integers; `bias` is added modulo 2^32 (resources: kNoResource becomes 0), codes
// at or above `limit` (only possible in null rows) become 0.
void pack_codes(const uint32_t* codes, size_t n, uint32_t bias, uint64_t limit, std::string& out) {
    std::vector<int64_t> values(n);
    for (size_t i = 0; i < n; ++i) {
        const uint32_t code = codes[i] + bias;
        values[i] = code < limit ? code : 0;
    }
    section_codec::pack_ints(values.data(), n, out);
}

// The null bitmap words of rows [first, first + n); `first` is a multiple of 64.
void pack_nulls(const Column& column, uint64_t first, uint64_t n, std::string& out) {
    const size_t words = (n + 63) / 64;
    ByteWriter writer(out);
    for (size_t w = 0; w < words; ++w) {
        const size_t index = first / 64 + w;
        uint64_t word = index < column.nulls.size() ? column.nulls[index] : 0;
        const uint64_t rows_in_word = std::min<uint64_t>(64, n - w * 64);
        if (rows_in_word < 64) word &= (uint64_t{1} << rows_in_word) - 1;
        writer.put(word);
    }
}

void pack_values(const Column& column, uint64_t first, uint64_t n, std::string& out) {
    switch (column.type) {
        case ValueType::Double:
            return section_codec::pack_doubles(&column.doubles[first], n, out);
        case ValueType::String:
            return pack_codes(&column.codes[first], n, 0, column.dictionary.size(), out);
        default:
            return section_codec::pack_ints(&column.ints[first], n, out);
    }
}

// The uncompressed payload of rows [first, first + n) of a stream.
void pack_rows(const EventLog& log, const StreamSpec& stream, uint64_t first, uint64_t n,
               std::string& out) {
    using section_codec::pack_ints;
    using section_codec::pack_strings;
    constexpr uint64_t kAnyCode = uint64_t{1} << 32;
    switch (stream.kind) {
        case SectionKind::CaseIds:
            return pack_strings(&log.case_ids[first], n, out);
        case SectionKind::CaseOffsets:
            return pack_codes(&log.case_offsets[first], n, 0, kAnyCode, out);
        case SectionKind::ActivityNames:
            return pack_strings(&log.activities[first], n, out);
        case SectionKind::ResourceNames:
            return pack_strings(&log.resources[first], n, out);
        case SectionKind::Activity:
            return pack_codes(&log.activity[first], n, 0, kAnyCode, out);
        case SectionKind::Timestamp:
            return pack_ints(&log.timestamp[first], n, out);
        case SectionKind::Resource:
            return pack_codes(&log.resource[first], n, 1, kAnyCode, out);
        case SectionKind::StartTime:
            return pack_ints(&log.start_time[first], n, out);
        case SectionKind::AttributeNulls:
            return pack_nulls(attribute(log, stream.column), first, n, out);
        case SectionKind::AttributeValues:
            return pack_values(attribute(log, stream.column), first, n, out);
        case SectionKind::AttributeDictionary:
            return pack_strings(&attribute(log, stream.column).dictionary[first], n, out);
    }
}

std::vector<Section> plan_sections(const FileHeader& header) {
    std::vector<Section> sections;
    for (const StreamSpec& stream : streams_of(header)) {
        for (uint64_t first = 0; first < stream.rows; first += kSectionRows) {
            Section section;
            section.header.kind = stream.kind;
            section.header.column = stream.column;
            section.header.first_row = first;
            section.header.row_count = std::min(kSectionRows, stream.rows - first);
            sections.push_back(std::move(section));
        }
    }
    return sections;
}

using CompressionContext = std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)>;

void fill_section(const EventLog& log, ZSTD_CCtx* context, Section& section) {
    SectionHeader& header = section.header;
    std::string raw;
    pack_rows(log, {header.kind, header.column, 0}, header.first_row, header.row_count, raw);
    section.stored.resize(ZSTD_compressBound(raw.size()));
    const size_t size = ZSTD_compressCCtx(context, section.stored.data(), section.stored.size(),
                                          raw.data(), raw.size(), kZstdLevel);
    if (ZSTD_isError(size) != 0) {
        throw std::runtime_error(std::string("zstd compression failed: ") +
                                 ZSTD_getErrorName(size));
    }
    section.stored.resize(size);
    header.raw_size = raw.size();
    header.stored_size = size;
    header.checksum = XXH3_64bits(section.stored.data(), size);
}

}  // namespace

std::string encode_event_log(const EventLog& log) {
    const FileHeader header = header_of(log);
    std::vector<Section> sections = plan_sections(header);
    std::vector<CompressionContext> contexts;
    run_parallel(
        sections.size(),
        [&](size_t workers) {
            for (size_t i = 0; i < workers; ++i) {
                contexts.emplace_back(ZSTD_createCCtx(), &ZSTD_freeCCtx);
            }
        },
        [&](size_t worker, size_t i) { fill_section(log, contexts[worker].get(), sections[i]); });

    std::string body;
    ByteWriter body_writer(body);
    write_header_body(header, body_writer);
    size_t total = kPreambleSize + body.size() + kTrailerSize + 16;
    for (const auto& section : sections) {
        total += kSectionHeaderSize + kDirectoryEntrySize + section.stored.size();
    }
    std::string out;
    out.reserve(total);
    ByteWriter writer(out);
    writer.put_bytes(kMagic);
    writer.put(kFormatVersion);
    writer.put(static_cast<uint32_t>(body.size()));
    writer.put_bytes(body);
    const uint64_t header_checksum = XXH3_64bits(out.data(), out.size());

    std::vector<uint64_t> offsets;
    for (auto& section : sections) {
        offsets.push_back(out.size());
        write_section_header(section.header, writer);
        writer.put_bytes(section.stored);
        section.stored = {};
    }

    const uint64_t footer_offset = out.size();
    writer.put(static_cast<uint64_t>(sections.size()));
    for (size_t i = 0; i < sections.size(); ++i) {
        writer.put(offsets[i]);
        write_section_header(sections[i].header, writer);
    }
    writer.put(header_checksum);
    const uint64_t footer_size = out.size() - footer_offset;
    const uint64_t footer_checksum = XXH3_64bits(out.data() + footer_offset, footer_size);
    writer.put(footer_offset);
    writer.put(footer_size);
    writer.put(footer_checksum);
    writer.put_bytes(kEndMagic);
    return out;
}

}  // namespace pmstudio::eventlog
