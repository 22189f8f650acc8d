#include "importers/xes_writer.h"

#include <charconv>
#include <string>
#include <string_view>

#include "eventlog/time_format.h"
#include "importers/xes_keys.h"

namespace pmstudio::importers {
namespace {

using eventlog::Column;
using eventlog::ValueType;

constexpr size_t kFlushSize = size_t{1} << 20;

// Buffers XML text and hands it to the stream in large writes.
class XmlOut {
public:
    explicit XmlOut(std::ostream& out) : out_(out) { buffer_.reserve(kFlushSize + 4096); }
    ~XmlOut() { flush(); }
    XmlOut(const XmlOut&) = delete;
    XmlOut& operator=(const XmlOut&) = delete;

    XmlOut& raw(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= kFlushSize) flush();
        return *this;
    }

    // Attribute-value text: markup characters and whitespace that attribute normalisation would
    // change are escaped; other control characters cannot appear in XML 1.0 and are dropped.
    XmlOut& escaped(std::string_view text) {
        for (const char c : text) {
            switch (c) {
                case '&':
                    buffer_ += "&amp;";
                    break;
                case '<':
                    buffer_ += "&lt;";
                    break;
                case '>':
                    buffer_ += "&gt;";
                    break;
                case '"':
                    buffer_ += "&quot;";
                    break;
                case '\t':
                    buffer_ += "&#9;";
                    break;
                case '\n':
                    buffer_ += "&#10;";
                    break;
                case '\r':
                    buffer_ += "&#13;";
                    break;
                default:
                    if (static_cast<unsigned char>(c) >= 0x20) buffer_ += c;
                    break;
            }
        }
        return *this;
    }

    // <type key="key" value="value"/> on its own line.
    void attribute(std::string_view indent, std::string_view type, std::string_view key,
                   std::string_view value) {
        raw(indent).raw("<").raw(type).raw(" key=\"").escaped(key).raw("\" value=\"");
        escaped(value).raw("\"/>\n");
    }

    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

private:
    std::ostream& out_;
    std::string buffer_;
};

std::string number_text(double value) {
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

void write_value(XmlOut& xml, std::string_view indent, const Column& column, size_t row) {
    switch (column.type) {
        case ValueType::Boolean:
            xml.attribute(indent, "boolean", column.name, column.ints[row] != 0 ? "true" : "false");
            return;
        case ValueType::Integer:
            xml.attribute(indent, "int", column.name, std::to_string(column.ints[row]));
            return;
        case ValueType::Double:
            xml.attribute(indent, "float", column.name, number_text(column.doubles[row]));
            return;
        case ValueType::DateTime:
            xml.attribute(indent, "date", column.name, eventlog::format_utc(column.ints[row]));
            return;
        case ValueType::TimeSpan:
            xml.attribute(indent, "string", column.name,
                          eventlog::format_timespan(column.ints[row]));
            return;
        case ValueType::String:
            xml.attribute(indent, "string", column.name, column.dictionary[column.codes[row]]);
            return;
    }
}

// Keys of the mapped fields on a level; attribute columns of that name would clash with them.
bool is_reserved(std::string_view name, std::initializer_list<std::string_view> reserved) {
    for (std::string_view key : reserved) {
        if (name == key) return true;
    }
    return false;
}

}  // namespace

void write_xes(const eventlog::EventLog& log, std::ostream& out) {
    XmlOut xml(out);
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.raw("<log xes.version=\"2.0\" xmlns=\"http://www.xes-standard.org/\">\n");
    xml.raw(
        "\t<extension name=\"Concept\" prefix=\"concept\" "
        "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n");
    xml.raw(
        "\t<extension name=\"Time\" prefix=\"time\" "
        "uri=\"http://www.xes-standard.org/time.xesext\"/>\n");
    xml.raw(
        "\t<extension name=\"Organizational\" prefix=\"org\" "
        "uri=\"http://www.xes-standard.org/org.xesext\"/>\n");
    xml.raw(
        "\t<extension name=\"Lifecycle\" prefix=\"lifecycle\" "
        "uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n");
    xml.raw("\t<classifier name=\"Activity\" keys=\"concept:name\"/>\n");
    xml.attribute("\t", "string", xes::kTimeZone, log.metadata.time_zone);
    xml.attribute("\t", "string", xes::kSourceOffsets,
                  xes::format_offsets(log.metadata.source_offsets_minutes));

    const std::string start_key = log.metadata.start_time_column.empty()
                                      ? std::string(xes::kStartTimestamp)
                                      : log.metadata.start_time_column;
    const std::string_view resource_key = log.has_resource() ? xes::kResource : "";
    const std::string_view start_reserved = log.has_start_time() ? start_key : "";
    for (size_t c = 0; c < log.case_count(); ++c) {
        xml.raw("\t<trace>\n");
        xml.attribute("\t\t", "string", xes::kConceptName, log.case_ids[c]);
        for (const Column& column : log.case_attributes) {
            if (column.is_null(c) || column.name == xes::kConceptName) continue;
            write_value(xml, "\t\t", column, c);
        }
        for (uint32_t e = log.case_offsets[c]; e < log.case_offsets[c + 1]; ++e) {
            xml.raw("\t\t<event>\n");
            xml.attribute("\t\t\t", "string", xes::kConceptName, log.activities[log.activity[e]]);
            xml.attribute("\t\t\t", "date", xes::kTimestamp,
                          eventlog::format_utc(log.timestamp[e]));
            if (log.has_resource() && log.resource[e] != eventlog::kNoResource) {
                xml.attribute("\t\t\t", "string", xes::kResource, log.resources[log.resource[e]]);
            }
            if (log.has_start_time() && log.start_time[e] != eventlog::kNoTime) {
                xml.attribute("\t\t\t", "date", start_key, eventlog::format_utc(log.start_time[e]));
            }
            for (const Column& column : log.event_attributes) {
                if (column.is_null(e) ||
                    is_reserved(column.name, {xes::kConceptName, xes::kTimestamp, resource_key,
                                              start_reserved})) {
                    continue;
                }
                write_value(xml, "\t\t\t", column, e);
            }
            xml.raw("\t\t</event>\n");
        }
        xml.raw("\t</trace>\n");
    }
    xml.raw("</log>\n");
}

}  // namespace pmstudio::importers
