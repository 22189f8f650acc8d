#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eventlog/binary_format_layout.h"
#include "eventlog/byte_io.h"
#include "eventlog/event_log.h"

namespace pmstudio::eventlog::binary_layout {

struct ColumnShape {
    std::string name;
    ValueType type = ValueType::String;
    bool has_nulls = false;
    bool derived = false;
    uint64_t dictionary_size = 0;
};

// The header body: the metadata, the counts and the attribute schema.
struct FileHeader {
    EventLogMetadata metadata;
    uint64_t case_count = 0;
    uint64_t event_count = 0;
    uint64_t case_offset_count = 0;
    uint64_t activity_count = 0;
    uint64_t resource_count = 0;
    bool has_resource = false;
    bool has_start_time = false;
    std::vector<ColumnShape> case_attributes;
    std::vector<ColumnShape> event_attributes;

    size_t column_count() const { return case_attributes.size() + event_attributes.size(); }
    // Attribute `column` in file order (case attributes first) and its row count.
    const ColumnShape& column(uint32_t column) const;
    uint64_t column_rows(uint32_t column) const;
};

// A stream of rows that the sections of one kind and column carry, in file order.
struct StreamSpec {
    SectionKind kind;
    uint32_t column;
    uint64_t rows;
};

// Throws std::invalid_argument when the log's vectors disagree in size.
FileHeader header_of(const EventLog& log);
void write_header_body(const FileHeader& header, ByteWriter& out);
// Reads the header body of a file of that format version and checks the counts for consistency;
// throws FormatError.
FileHeader read_header_body(ByteReader& in, uint32_t version);
void write_section_header(const SectionHeader& header, ByteWriter& out);
SectionHeader read_section_header(ByteReader& in);

// Every stream the header implies, in the order its sections appear in the file.
std::vector<StreamSpec> streams_of(const FileHeader& header);

}  // namespace pmstudio::eventlog::binary_layout
