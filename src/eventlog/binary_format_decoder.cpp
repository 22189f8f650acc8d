#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <numeric>

#include "eventlog/binary_format.h"
#include "eventlog/binary_format_header.h"
#include "eventlog/huge_pages.h"
#include "eventlog/parallel_tasks.h"
#include "eventlog/section_codec.h"

namespace pmstudio::eventlog {
namespace {

using namespace binary_layout;

struct Located {
    uint64_t offset;  // of the section header in the file
    SectionHeader header;
};

std::string describe(size_t index, const SectionHeader& header) {
    return "section " + std::to_string(index) + " (" + std::string(section_kind_name(header.kind)) +
           ", column " + std::to_string(header.column) + ", rows " +
           std::to_string(header.first_row) + "+" + std::to_string(header.row_count) + ")";
}

// The file's format version, after checking the magic and that this reader knows the version.
uint32_t check_version(std::string_view bytes) {
    if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
        throw FormatError("not a pmstudio dataset file", 0);
    }
    ByteReader preamble(bytes.substr(0, kPreambleSize), 0, "file");
    preamble.take(kMagic.size());
    const auto version = preamble.get<uint32_t>();
    if (version > kFormatVersion) {
        throw FormatError("format version " + std::to_string(version) +
                              " is newer than this server supports (" +
                              std::to_string(kFormatVersion) + ")",
                          kMagic.size());
    }
    if (version == 0) throw FormatError("format version 0 does not exist", kMagic.size());
    return version;
}

// The footer's section directory and the header checksum, after checking the trailer.
struct Footer {
    uint64_t offset = 0;
    std::vector<Located> sections;
    uint64_t header_checksum = 0;
};

Footer read_footer(std::string_view bytes) {
    if (bytes.size() < kPreambleSize + kTrailerSize) {
        throw FormatError("file is truncated: " + std::to_string(bytes.size()) + " bytes",
                          bytes.size());
    }
    const uint64_t trailer_offset = bytes.size() - kTrailerSize;
    ByteReader trailer(bytes.substr(trailer_offset), trailer_offset, "trailer");
    const auto footer_offset = trailer.get<uint64_t>();
    const auto footer_size = trailer.get<uint64_t>();
    const auto footer_checksum = trailer.get<uint64_t>();
    if (std::string_view(trailer.take(kEndMagic.size()), kEndMagic.size()) != kEndMagic) {
        throw FormatError("file is truncated or damaged: end marker missing", bytes.size() - 8);
    }
    if (footer_offset < kPreambleSize || footer_offset > trailer_offset ||
        footer_size != trailer_offset - footer_offset) {
        throw FormatError("trailer points outside the file", trailer_offset);
    }
    const std::string_view footer_bytes = bytes.substr(footer_offset, footer_size);
    if (XXH3_64bits(footer_bytes.data(), footer_bytes.size()) != footer_checksum) {
        throw FormatError("checksum mismatch in the footer", footer_offset);
    }
    Footer footer;
    footer.offset = footer_offset;
    ByteReader in(footer_bytes, footer_offset, "footer");
    const auto count = in.get<uint64_t>();
    if (count > in.remaining() / kDirectoryEntrySize) {
        throw FormatError(
            "footer lists " + std::to_string(count) + " sections, too many for its size",
            footer_offset);
    }
    for (uint64_t i = 0; i < count; ++i) {
        const auto offset = in.get<uint64_t>();
        footer.sections.push_back({offset, read_section_header(in)});
    }
    footer.header_checksum = in.get<uint64_t>();
    if (in.remaining() != 0) throw FormatError("footer has trailing bytes", in.offset());
    return footer;
}

// The header, checked against the footer's checksum; `sections_offset` receives where it ends.
FileHeader read_header(std::string_view bytes, uint32_t version, const Footer& footer,
                       uint64_t& sections_offset) {
    ByteReader preamble(bytes.substr(0, kPreambleSize), 0, "preamble");
    preamble.take(kMagic.size() + sizeof(uint32_t));
    const uint64_t body_size = preamble.get<uint32_t>();
    if (body_size > footer.offset - kPreambleSize) {
        throw FormatError("header length " + std::to_string(body_size) + " runs past the sections",
                          kPreambleSize - 4);
    }
    if (XXH3_64bits(bytes.data(), kPreambleSize + body_size) != footer.header_checksum) {
        throw FormatError("checksum mismatch in the header", 0);
    }
    sections_offset = kPreambleSize + body_size;
    ByteReader in(bytes.substr(kPreambleSize, body_size), kPreambleSize, "header");
    FileHeader header = read_header_body(in, version);
    if (in.remaining() != 0) throw FormatError("header has trailing bytes", in.offset());
    return header;
}

// Checks that the sections tile the bytes between header and footer, that every in-file section
// header repeats its directory entry, and that the sections cover exactly the header's streams.
void check_layout(std::string_view bytes, const FileHeader& header, const Footer& footer,
                  uint64_t sections_offset) {
    uint64_t position = sections_offset;
    for (size_t i = 0; i < footer.sections.size(); ++i) {
        const Located& entry = footer.sections[i];
        if (entry.offset != position || footer.offset - position < kSectionHeaderSize) {
            throw FormatError("section " + std::to_string(i) + " is not where the directory says",
                              position);
        }
        ByteReader in(bytes.substr(position, kSectionHeaderSize), position, "section header");
        if (!(read_section_header(in) == entry.header)) {
            throw FormatError(describe(i, entry.header) + ": header differs from the directory",
                              position);
        }
        position += kSectionHeaderSize;
        if (entry.header.stored_size > footer.offset - position) {
            throw FormatError(describe(i, entry.header) + " runs into the footer", position);
        }
        position += entry.header.stored_size;
    }
    if (position != footer.offset) {
        throw FormatError("unexplained bytes between the sections and the footer", position);
    }

    size_t next = 0;
    for (const StreamSpec& stream : streams_of(header)) {
        uint64_t covered = 0;
        while (next < footer.sections.size() && footer.sections[next].header.kind == stream.kind &&
               footer.sections[next].header.column == stream.column) {
            const SectionHeader& section = footer.sections[next].header;
            const bool bad_nulls =
                stream.kind == SectionKind::AttributeNulls && section.first_row % 64 != 0;
            if (section.first_row != covered || section.row_count == 0 ||
                section.row_count > kMaxSectionRows || section.row_count > stream.rows - covered ||
                bad_nulls) {
                throw FormatError("inconsistent counts: " + describe(next, section) + " after " +
                                      std::to_string(covered) + " of " +
                                      std::to_string(stream.rows) + " rows",
                                  footer.sections[next].offset);
            }
            covered += section.row_count;
            ++next;
        }
        if (covered != stream.rows) {
            throw FormatError(
                "inconsistent counts: " + std::string(section_kind_name(stream.kind)) +
                    " of column " + std::to_string(stream.column) + " has " +
                    std::to_string(covered) + " of " + std::to_string(stream.rows) + " rows",
                next < footer.sections.size() ? footer.sections[next].offset : footer.offset);
        }
    }
    if (next != footer.sections.size()) {
        throw FormatError("unexpected " + describe(next, footer.sections[next].header),
                          footer.sections[next].offset);
    }
}

// Shapes the log after the header; the vectors are sized later by allocate().
void shape(const FileHeader& header, EventLog& log) {
    log.metadata = header.metadata;
    for (uint32_t index = 0; index < header.column_count(); ++index) {
        const ColumnShape& column_shape = header.column(index);
        Column column;
        column.name = column_shape.name;
        column.type = column_shape.type;
        column.derived = column_shape.derived;
        auto& target =
            index < header.case_attributes.size() ? log.case_attributes : log.event_attributes;
        target.push_back(std::move(column));
    }
}

// Sizes every vector of the log, in parallel and in huge pages: the first touch of the fresh
// memory is a good part of the loading time.
void allocate(const FileHeader& header, EventLog& log) {
    std::vector<std::function<void()>> jobs;
    auto add = [&jobs](auto& values, uint64_t size) {
        if (size > 0) jobs.emplace_back([&values, size] { resize_with_huge_pages(values, size); });
    };
    add(log.case_ids, header.case_count);
    add(log.case_offsets, header.case_offset_count);
    add(log.activities, header.activity_count);
    add(log.resources, header.resource_count);
    add(log.activity, header.event_count);
    add(log.timestamp, header.event_count);
    if (header.has_resource) add(log.resource, header.event_count);
    if (header.has_start_time) add(log.start_time, header.event_count);
    for (uint32_t index = 0; index < header.column_count(); ++index) {
        const ColumnShape& column_shape = header.column(index);
        const uint64_t rows = header.column_rows(index);
        const size_t cases = log.case_attributes.size();
        Column& column =
            index < cases ? log.case_attributes[index] : log.event_attributes[index - cases];
        if (column.type == ValueType::Double) {
            add(column.doubles, rows);
        } else if (column.type == ValueType::String) {
            add(column.codes, rows);
            add(column.dictionary, column_shape.dictionary_size);
        } else {
            add(column.ints, rows);
        }
        if (column_shape.has_nulls) add(column.nulls, (rows + 63) / 64);
    }
    run_parallel(
        jobs.size(), [](size_t) {}, [&](size_t, size_t i) { jobs[i](); });
}

// What one worker reuses from section to section.
struct Worker {
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context{ZSTD_createDCtx(), &ZSTD_freeDCtx};
    std::vector<char> raw;
    std::vector<int64_t> integers;
    std::vector<uint32_t> lengths;
};

// Codes must index their dictionary; `none` (kNoResource) is allowed for resources.
void check_codes(const uint32_t* codes, size_t n, uint64_t limit, bool allow_none) {
    bool bad = false;
    for (size_t i = 0; i < n; ++i) {
        bad |= codes[i] >= limit && !(allow_none && codes[i] == kNoResource);
    }
    if (bad) throw FormatError("a code is outside its dictionary", 0);
}

void unpack_attribute(ByteReader& in, const SectionHeader& section, Column& column,
                      Worker& worker) {
    const size_t first = section.first_row;
    const size_t n = section.row_count;
    switch (section.kind) {
        case SectionKind::AttributeNulls: {
            const size_t words = (n + 63) / 64;
            std::memcpy(&column.nulls[first / 64], in.take(words * 8), words * 8);
            return;
        }
        case SectionKind::AttributeDictionary:
            return section_codec::unpack_strings(in, n, &column.dictionary[first], worker.lengths);
        default:
            break;
    }
    switch (column.type) {
        case ValueType::Double:
            return section_codec::unpack_doubles(in, n, &column.doubles[first], worker.integers);
        case ValueType::String:
            section_codec::unpack_ints(in, n, &column.codes[first]);
            return check_codes(&column.codes[first], n,
                               std::max<size_t>(1, column.dictionary.size()), false);
        default:
            return section_codec::unpack_ints(in, n, &column.ints[first]);
    }
}

void unpack_section(ByteReader& in, const SectionHeader& section, EventLog& log, Worker& worker) {
    using section_codec::unpack_ints;
    using section_codec::unpack_strings;
    const size_t first = section.first_row;
    const size_t n = section.row_count;
    switch (section.kind) {
        case SectionKind::CaseIds:
            return unpack_strings(in, n, &log.case_ids[first], worker.lengths);
        case SectionKind::CaseOffsets:
            return unpack_ints(in, n, &log.case_offsets[first]);
        case SectionKind::ActivityNames:
            return unpack_strings(in, n, &log.activities[first], worker.lengths);
        case SectionKind::ResourceNames:
            return unpack_strings(in, n, &log.resources[first], worker.lengths);
        case SectionKind::Activity:
            unpack_ints(in, n, &log.activity[first]);
            return check_codes(&log.activity[first], n, log.activities.size(), false);
        case SectionKind::Timestamp:
            return unpack_ints(in, n, &log.timestamp[first]);
        case SectionKind::Resource:
            // Stored +1 (kNoResource as 0): a reference one lower undoes it modulo 2^32.
            unpack_ints(in, n, &log.resource[first], ~uint64_t{0});
            return check_codes(&log.resource[first], n, log.resources.size(), true);
        case SectionKind::StartTime:
            return unpack_ints(in, n, &log.start_time[first]);
        default: {
            const size_t cases = log.case_attributes.size();
            Column& column = section.column < cases ? log.case_attributes[section.column]
                                                    : log.event_attributes[section.column - cases];
            return unpack_attribute(in, section, column, worker);
        }
    }
}

void decode_section(std::string_view bytes, size_t index, const Located& located, EventLog& log,
                    Worker& worker) {
    const SectionHeader& section = located.header;
    const uint64_t payload_offset = located.offset + kSectionHeaderSize;
    const char* stored = bytes.data() + payload_offset;
    if (XXH3_64bits(stored, section.stored_size) != section.checksum) {
        throw FormatError("checksum mismatch in " + describe(index, section), payload_offset);
    }
    // Exactly one zstd frame that declares the raw size, before allocating that much.
    if (ZSTD_findFrameCompressedSize(stored, section.stored_size) != section.stored_size ||
        ZSTD_getFrameContentSize(stored, section.stored_size) != section.raw_size) {
        throw FormatError(describe(index, section) + " is not one zstd frame of its raw size",
                          payload_offset);
    }
    worker.raw.resize(section.raw_size);
    const size_t size = ZSTD_decompressDCtx(worker.context.get(), worker.raw.data(),
                                            worker.raw.size(), stored, section.stored_size);
    if (ZSTD_isError(size) != 0 || size != section.raw_size) {
        throw FormatError(describe(index, section) + " does not decompress to its raw size",
                          payload_offset);
    }
    try {
        ByteReader in({worker.raw.data(), size}, 0, "payload");
        unpack_section(in, section, log, worker);
        if (in.remaining() != 0) throw FormatError("payload has trailing bytes", in.offset());
    } catch (const FormatError& error) {
        throw FormatError(describe(index, section) + ", payload byte " +
                              std::to_string(error.offset()) + ": " + error.problem(),
                          payload_offset);
    }
}

void check_case_offsets(const EventLog& log) {
    const auto& offsets = log.case_offsets;
    bool ok = offsets.empty() || (offsets.front() == 0 && offsets.back() == log.event_count());
    for (size_t c = 1; c < offsets.size(); ++c) ok &= offsets[c - 1] <= offsets[c];
    if (!ok) throw FormatError("inconsistent counts: case offsets do not partition the events", 0);
}

}  // namespace

FormatError::FormatError(const std::string& problem, uint64_t offset)
    : std::runtime_error(problem + " (at byte offset " + std::to_string(offset) + ")"),
      problem_(problem),
      offset_(offset) {}

EventLog decode_event_log(std::string_view bytes) {
    const uint32_t version = check_version(bytes);
    const Footer footer = read_footer(bytes);
    uint64_t sections_offset = 0;
    const FileHeader header = read_header(bytes, version, footer, sections_offset);
    check_layout(bytes, header, footer, sections_offset);

    EventLog log;
    shape(header, log);
    allocate(header, log);
    // Largest sections first, so that the workers finish together.
    std::vector<size_t> order(footer.sections.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return footer.sections[a].header.raw_size > footer.sections[b].header.raw_size;
    });
    std::vector<Worker> workers;
    run_parallel(
        order.size(), [&](size_t count) { workers.resize(count); },
        [&](size_t worker, size_t i) {
            decode_section(bytes, order[i], footer.sections[order[i]], log, workers[worker]);
        });
    check_case_offsets(log);
    return log;
}

}  // namespace pmstudio::eventlog
