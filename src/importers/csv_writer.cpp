#include "importers/csv_writer.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "eventlog/time_format.h"

namespace pmstudio::importers {
namespace {

void write_field(std::ostream& out, std::string_view text) {
    const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) {
        out << text;
        return;
    }
    out << '"';
    for (char c : text) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

std::string value_text(const eventlog::Column& column, size_t row) {
    std::string text = column.text(row);
    if (column.type == eventlog::ValueType::Double && !column.is_null(row) &&
        text.find_first_of(".eEn") == std::string::npos) {
        text += ".0";  // so that 1500.0 is read back as a double, not an integer
    }
    return text;
}

std::string name_or(const std::string& name, const char* fallback) {
    return name.empty() ? fallback : name;
}

}  // namespace

void write_csv(const eventlog::EventLog& log, std::ostream& out) {
    const auto& meta = log.metadata;
    std::vector<std::string> header = {"", name_or(meta.activity_column, "Activity"),
                                       name_or(meta.timestamp_column, "Timestamp")};
    if (log.has_resource()) header.push_back(name_or(meta.resource_column, "Resource"));
    if (log.has_start_time()) header.push_back(name_or(meta.start_time_column, "StartTime"));
    for (const auto& column : log.case_attributes) header.push_back(column.name);
    for (const auto& column : log.event_attributes) header.push_back(column.name);
    // XES names both the case and the activity concept:name; the case column then takes the
    // "case:" prefix (PM4Py's convention) so that every column name is unique.
    header[0] = name_or(meta.case_id_column, "CaseID");
    if (std::count(header.begin() + 1, header.end(), header[0]) > 0)
        header[0] = "case:" + header[0];
    for (size_t i = 0; i < header.size(); ++i) {
        if (i > 0) out << ',';
        write_field(out, header[i]);
    }
    out << "\r\n";

    for (size_t c = 0; c < log.case_count(); ++c) {
        for (uint32_t e = log.case_offsets[c]; e < log.case_offsets[c + 1]; ++e) {
            write_field(out, log.case_ids[c]);
            out << ',';
            write_field(out, log.activities[log.activity[e]]);
            out << ',' << eventlog::format_utc(log.timestamp[e]);
            if (log.has_resource()) {
                out << ',';
                if (log.resource[e] != eventlog::kNoResource) {
                    write_field(out, log.resources[log.resource[e]]);
                }
            }
            if (log.has_start_time()) {
                out << ',';
                if (log.start_time[e] != eventlog::kNoTime) {
                    out << eventlog::format_utc(log.start_time[e]);
                }
            }
            for (const auto& column : log.case_attributes) {
                out << ',';
                write_field(out, value_text(column, c));
            }
            for (const auto& column : log.event_attributes) {
                out << ',';
                write_field(out, value_text(column, e));
            }
            out << "\r\n";
        }
    }
}

}  // namespace pmstudio::importers
