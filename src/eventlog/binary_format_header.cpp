#include "eventlog/binary_format_header.h"

#include <cstring>
#include <stdexcept>

#include "eventlog/binary_format.h"

namespace pmstudio::eventlog::binary_layout {
namespace {

ColumnShape shape_of(const Column& column) {
    return {column.name, column.type, column.has_nulls(), column.derived,
            column.type == ValueType::String ? column.dictionary.size() : 0};
}

void require_size(bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("inconsistent event log: " + what);
}

void write_columns(const std::vector<ColumnShape>& columns, ByteWriter& out) {
    for (const auto& column : columns) {
        out.put_string(column.name);
        out.put(static_cast<uint8_t>(column.type));
        out.put(static_cast<uint8_t>((column.has_nulls ? kColumnHasNulls : 0) |
                                     (column.derived ? kColumnDerived : 0)));
        out.put(column.dictionary_size);
    }
}

std::vector<ColumnShape> read_columns(ByteReader& in, uint32_t count, uint32_t version) {
    std::vector<ColumnShape> columns;
    for (uint32_t i = 0; i < count; ++i) {
        ColumnShape column;
        column.name = in.get_string();
        const uint64_t at = in.offset();
        const auto type = in.get<uint8_t>();
        if (type < static_cast<uint8_t>(ValueType::Boolean) ||
            type > static_cast<uint8_t>(ValueType::String)) {
            throw FormatError(
                "attribute \"" + column.name + "\" has unknown type " + std::to_string(type), at);
        }
        column.type = static_cast<ValueType>(type);
        const auto flags = in.get<uint8_t>();
        column.has_nulls = (flags & kColumnHasNulls) != 0;
        column.derived = version >= kVersionWithEnrichment && (flags & kColumnDerived) != 0;
        column.dictionary_size = in.get<uint64_t>();
        if (column.type != ValueType::String && column.dictionary_size != 0) {
            throw FormatError(
                "attribute \"" + column.name + "\" is not a string column but has a dictionary",
                at);
        }
        columns.push_back(std::move(column));
    }
    return columns;
}

void check_counts(const FileHeader& header, uint64_t at) {
    const bool offsets_ok = header.case_offset_count == header.case_count + 1 ||
                            (header.case_offset_count == 0 && header.event_count == 0);
    if (!offsets_ok || header.event_count > UINT32_MAX || header.case_count > UINT32_MAX) {
        throw FormatError("inconsistent counts: " + std::to_string(header.case_count) + " cases, " +
                              std::to_string(header.case_offset_count) + " case offsets, " +
                              std::to_string(header.event_count) + " events",
                          at);
    }
}

}  // namespace

std::string_view section_kind_name(SectionKind kind) {
    switch (kind) {
        case SectionKind::CaseIds:
            return "case ids";
        case SectionKind::CaseOffsets:
            return "case offsets";
        case SectionKind::ActivityNames:
            return "activity names";
        case SectionKind::ResourceNames:
            return "resource names";
        case SectionKind::Activity:
            return "activity";
        case SectionKind::Timestamp:
            return "timestamp";
        case SectionKind::Resource:
            return "resource";
        case SectionKind::StartTime:
            return "start time";
        case SectionKind::AttributeNulls:
            return "attribute nulls";
        case SectionKind::AttributeValues:
            return "attribute values";
        case SectionKind::AttributeDictionary:
            return "attribute dictionary";
    }
    return "unknown";
}

const ColumnShape& FileHeader::column(uint32_t index) const {
    return index < case_attributes.size() ? case_attributes[index]
                                          : event_attributes[index - case_attributes.size()];
}

uint64_t FileHeader::column_rows(uint32_t index) const {
    return index < case_attributes.size() ? case_count : event_count;
}

FileHeader header_of(const EventLog& log) {
    FileHeader header;
    header.metadata = log.metadata;
    header.case_count = log.case_count();
    header.event_count = log.event_count();
    header.case_offset_count = log.case_offsets.size();
    header.activity_count = log.activities.size();
    header.resource_count = log.resources.size();
    header.has_resource = log.has_resource();
    header.has_start_time = log.has_start_time();
    const size_t events = log.event_count();
    require_size(log.timestamp.size() == events, "timestamp count differs from event count");
    require_size(!log.has_resource() || log.resource.size() == events, "resource count");
    require_size(!log.has_start_time() || log.start_time.size() == events, "start time count");
    require_size(log.case_offsets.size() == log.case_count() + 1 ||
                     (log.case_offsets.empty() && events == 0),
                 "case offsets");
    for (const auto& column : log.case_attributes) {
        require_size(column.size() == log.case_count(), "case attribute " + column.name);
        header.case_attributes.push_back(shape_of(column));
    }
    for (const auto& column : log.event_attributes) {
        require_size(column.size() == events, "event attribute " + column.name);
        header.event_attributes.push_back(shape_of(column));
    }
    return header;
}

void write_header_body(const FileHeader& header, ByteWriter& out) {
    out.put(header.case_count);
    out.put(header.event_count);
    out.put(header.case_offset_count);
    out.put(header.activity_count);
    out.put(header.resource_count);
    out.put(static_cast<uint8_t>((header.has_resource ? kLogHasResource : 0) |
                                 (header.has_start_time ? kLogHasStartTime : 0)));
    out.put(static_cast<uint32_t>(header.case_attributes.size()));
    out.put(static_cast<uint32_t>(header.event_attributes.size()));
    const EventLogMetadata& m = header.metadata;
    for (const std::string* text :
         {&m.case_id_column, &m.activity_column, &m.timestamp_column, &m.resource_column,
          &m.start_time_column, &m.source_format, &m.time_zone}) {
        out.put_string(*text);
    }
    out.put(static_cast<uint32_t>(m.source_offsets_minutes.size()));
    for (int32_t offset : m.source_offsets_minutes) out.put(offset);
    out.put(m.freeze_time);
    write_columns(header.case_attributes, out);
    write_columns(header.event_attributes, out);
}

FileHeader read_header_body(ByteReader& in, uint32_t version) {
    FileHeader header;
    const uint64_t at = in.offset();
    header.case_count = in.get<uint64_t>();
    header.event_count = in.get<uint64_t>();
    header.case_offset_count = in.get<uint64_t>();
    header.activity_count = in.get<uint64_t>();
    header.resource_count = in.get<uint64_t>();
    const auto flags = in.get<uint8_t>();
    header.has_resource = (flags & kLogHasResource) != 0;
    header.has_start_time = (flags & kLogHasStartTime) != 0;
    const auto case_attribute_count = in.get<uint32_t>();
    const auto event_attribute_count = in.get<uint32_t>();
    check_counts(header, at);
    EventLogMetadata& m = header.metadata;
    for (std::string* text :
         {&m.case_id_column, &m.activity_column, &m.timestamp_column, &m.resource_column,
          &m.start_time_column, &m.source_format, &m.time_zone}) {
        *text = in.get_string();
    }
    const auto offset_count = in.get<uint32_t>();
    const char* offsets = in.take(size_t{offset_count} * sizeof(int32_t));
    m.source_offsets_minutes.resize(offset_count);
    std::memcpy(m.source_offsets_minutes.data(), offsets, size_t{offset_count} * sizeof(int32_t));
    if (version >= kVersionWithEnrichment) m.freeze_time = in.get<int64_t>();
    header.case_attributes = read_columns(in, case_attribute_count, version);
    header.event_attributes = read_columns(in, event_attribute_count, version);
    return header;
}

void write_section_header(const SectionHeader& header, ByteWriter& out) {
    out.put(static_cast<uint32_t>(header.kind));
    out.put(header.column);
    out.put(header.first_row);
    out.put(header.row_count);
    out.put(header.raw_size);
    out.put(header.stored_size);
    out.put(header.checksum);
}

SectionHeader read_section_header(ByteReader& in) {
    SectionHeader header;
    header.kind = static_cast<SectionKind>(in.get<uint32_t>());
    header.column = in.get<uint32_t>();
    header.first_row = in.get<uint64_t>();
    header.row_count = in.get<uint64_t>();
    header.raw_size = in.get<uint64_t>();
    header.stored_size = in.get<uint64_t>();
    header.checksum = in.get<uint64_t>();
    return header;
}

std::vector<StreamSpec> streams_of(const FileHeader& header) {
    std::vector<StreamSpec> streams = {
        {SectionKind::CaseIds, 0, header.case_count},
        {SectionKind::CaseOffsets, 0, header.case_offset_count},
        {SectionKind::ActivityNames, 0, header.activity_count},
        {SectionKind::ResourceNames, 0, header.resource_count},
        {SectionKind::Activity, 0, header.event_count},
        {SectionKind::Timestamp, 0, header.event_count},
    };
    if (header.has_resource) streams.push_back({SectionKind::Resource, 0, header.event_count});
    if (header.has_start_time) streams.push_back({SectionKind::StartTime, 0, header.event_count});
    for (uint32_t index = 0; index < header.column_count(); ++index) {
        const ColumnShape& column = header.column(index);
        const uint64_t rows = header.column_rows(index);
        if (column.has_nulls) streams.push_back({SectionKind::AttributeNulls, index, rows});
        streams.push_back({SectionKind::AttributeValues, index, rows});
        if (column.type == ValueType::String) {
            streams.push_back({SectionKind::AttributeDictionary, index, column.dictionary_size});
        }
    }
    return streams;
}

}  // namespace pmstudio::eventlog::binary_layout
