#include "importers/table_importer.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "eventlog/event_log_builder.h"
#include "eventlog/time_format.h"
#include "importers/culture_value_parser.h"
#include "importers/type_votes.h"

namespace pmstudio::importers {
namespace {

using eventlog::ColumnBuilder;
using eventlog::ValueType;

constexpr size_t kTypeSampleRows = 10000;
constexpr int64_t kProgressEveryRows = 1 << 16;

std::string number_text(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return {buffer, result.ptr};
}

// The text of a cell used as a name (case id, activity, resource); nullopt when empty.
std::optional<std::string_view> name_of(const Cell& cell, std::string& scratch) {
    switch (cell.kind) {
        case Cell::Kind::Empty:
            return std::nullopt;
        case Cell::Kind::Text:
            return cell.text;
        case Cell::Kind::Number:
            scratch = number_text(cell.number);
            return scratch;
        case Cell::Kind::Boolean:
            return cell.boolean ? "true" : "false";
        case Cell::Kind::DateTime:
            scratch = eventlog::format_utc(cell.micros);
            return scratch;
    }
    return std::nullopt;
}

struct Roles {
    int case_id = -1;
    int activity = -1;
    int timestamp = -1;
    int resource = -1;
    int start_time = -1;
};

Roles resolve_roles(const std::vector<std::string>& header, const ColumnMapping& mapping,
                    const std::string& kind) {
    std::vector<std::string> missing;
    auto find = [&](const std::string& name) {
        if (name.empty()) return -1;
        for (size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return static_cast<int>(i);
        }
        missing.push_back(fmt::format("Column '{}' not found in {} file", name, kind));
        return -1;
    };
    Roles roles{find(mapping.case_id), find(mapping.activity), find(mapping.timestamp),
                find(mapping.resource), find(mapping.start_time)};
    if (!missing.empty()) throw ImportError(422, missing);
    return roles;
}

class RowImporter {
public:
    RowImporter(const std::vector<std::string>& header, const Roles& roles,
                const CultureValueParser& parser, ImportReport& report)
        : header_(header),
          roles_(roles),
          parser_(parser),
          report_(report),
          builder_(roles.resource >= 0, roles.start_time >= 0) {
        for (size_t i = 0; i < header.size(); ++i) {
            const int column = static_cast<int>(i);
            if (column == roles.case_id || column == roles.activity || column == roles.timestamp ||
                column == roles.resource || column == roles.start_time) {
                continue;
            }
            attributes_.push_back({i, builder_.attribute_index(header[i]), ValueType::String});
        }
    }

    // Decides each attribute's type from the rows read ahead (see TypeVotes).
    void decide_types(const std::vector<std::vector<OwnedCell>>& sample) {
        for (auto& attribute : attributes_) {
            TypeVotes votes;
            for (const auto& row : sample) votes.vote(row[attribute.source].view(), parser_);
            attribute.type = votes.decide();
        }
    }

    void import(const std::vector<Cell>& cells, int64_t row_number) {
        const auto case_id = name_of(cells[roles_.case_id], case_scratch_);
        if (!case_id) {
            return report_.skip_row(row_number, header_[roles_.case_id], "MissingValue",
                                    "Case id is empty");
        }
        const auto activity = name_of(cells[roles_.activity], activity_scratch_);
        if (!activity) {
            return report_.skip_row(row_number, header_[roles_.activity], "MissingValue",
                                    "Activity is empty");
        }
        const auto timestamp = time_of(cells[roles_.timestamp]);
        if (!timestamp) {
            const Cell& cell = cells[roles_.timestamp];
            return report_.skip_row(
                row_number, header_[roles_.timestamp],
                cell.kind == Cell::Kind::Empty ? "MissingValue" : "ParseError",
                cell.kind == Cell::Kind::Empty
                    ? std::string("Timestamp is empty")
                    : fmt::format("Unable to parse date value '{}'", describe(cell)));
        }
        std::optional<int64_t> start;
        if (roles_.start_time >= 0 && cells[roles_.start_time].kind != Cell::Kind::Empty) {
            start = time_of(cells[roles_.start_time]);
            if (!start) {
                report_.invalid_value(row_number, header_[roles_.start_time], "ParseError",
                                      fmt::format("Unable to parse date value '{}'",
                                                  describe(cells[roles_.start_time])));
            }
        }
        std::optional<std::string_view> resource;
        if (roles_.resource >= 0) resource = name_of(cells[roles_.resource], resource_scratch_);

        const size_t row = builder_.add_event(*case_id, *activity, *timestamp, start, resource);
        for (const auto& attribute : attributes_) {
            const Cell& cell = cells[attribute.source];
            if (cell.kind == Cell::Kind::Empty) continue;
            if (!set_typed(builder_.attribute(attribute.index), row, cell, attribute.type)) {
                report_.invalid_value(
                    row_number, header_[attribute.source], "ParseError",
                    fmt::format("Unable to parse {} value '{}'",
                                eventlog::value_type_name(attribute.type), describe(cell)));
            }
        }
    }

    eventlog::EventLog finish(eventlog::EventLogMetadata metadata) {
        return builder_.finish(std::move(metadata));
    }

private:
    struct Attribute {
        size_t source;  // column in the table
        size_t index;   // attribute in the builder
        ValueType type;
    };

    std::optional<int64_t> time_of(const Cell& cell) const {
        if (cell.kind == Cell::Kind::DateTime) return cell.micros;
        if (cell.kind == Cell::Kind::Text) return parser_.parse_datetime(cell.text);
        return std::nullopt;
    }

    static std::string describe(const Cell& cell) {
        std::string scratch;
        return std::string(name_of(cell, scratch).value_or(""));
    }

    void set_inferred(ColumnBuilder& column, size_t row, const Cell& cell) const {
        switch (cell.kind) {
            case Cell::Kind::Empty:
                return;
            case Cell::Kind::Text:
                return column.set_text(row, cell.text, parser_);
            case Cell::Kind::Number:
                if (std::trunc(cell.number) == cell.number && std::fabs(cell.number) < 9e15) {
                    return column.set_integer(row, static_cast<int64_t>(cell.number));
                }
                return column.set_double(row, cell.number);
            case Cell::Kind::Boolean:
                return column.set_boolean(row, cell.boolean);
            case Cell::Kind::DateTime:
                return column.set_datetime(row, cell.micros);
        }
    }

    bool set_typed(ColumnBuilder& column, size_t row, const Cell& cell, ValueType type) const {
        if (cell.kind == Cell::Kind::Text) return column.set_text_as(row, cell.text, type, parser_);
        if (type == ValueType::String) {
            std::string scratch;
            column.set_string(row, *name_of(cell, scratch));
            return true;
        }
        const bool numeric = type == ValueType::Integer || type == ValueType::Double;
        const bool fits = (cell.kind == Cell::Kind::Number && numeric) ||
                          (cell.kind == Cell::Kind::Boolean && type == ValueType::Boolean) ||
                          (cell.kind == Cell::Kind::DateTime && type == ValueType::DateTime);
        if (fits) set_inferred(column, row, cell);
        return fits;
    }

    const std::vector<std::string>& header_;
    Roles roles_;
    const CultureValueParser& parser_;
    ImportReport& report_;
    eventlog::EventLogBuilder builder_;
    std::vector<Attribute> attributes_;
    std::string case_scratch_;
    std::string activity_scratch_;
    std::string resource_scratch_;
};

CultureValueParser make_parser(const ImportOptions& options) {
    const auto culture = find_culture(options.culture);
    if (!culture) {
        throw ImportError(400, fmt::format("Unknown cultureInfo '{}': use en-US, en-GB, de-DE, "
                                           "fr-FR, nl-NL or invariant",
                                           options.culture));
    }
    try {
        return CultureValueParser(*culture, options.time_zone);
    } catch (const std::invalid_argument& error) {
        throw ImportError(400, error.what());
    }
}

}  // namespace

eventlog::EventLog import_table(TableSource& source, const ImportOptions& options,
                                ImportReport& report, const std::string& kind,
                                const std::string& source_format) {
    const auto& header = source.header();
    const Roles roles = resolve_roles(header, options.mapping, kind);
    const CultureValueParser parser = make_parser(options);
    RowImporter importer(header, roles, parser, report);

    std::vector<Cell> cells;
    std::vector<std::vector<OwnedCell>> sample;
    std::vector<int64_t> sample_rows;
    while (sample.size() < kTypeSampleRows && source.next_row(cells)) {
        sample.emplace_back(cells.begin(), cells.end());
        sample_rows.push_back(source.row_number());
    }
    importer.decide_types(sample);
    std::vector<Cell> views;
    for (size_t i = 0; i < sample.size(); ++i) {
        views.clear();
        for (const auto& cell : sample[i]) views.push_back(cell.view());
        importer.import(views, sample_rows[i]);
    }
    sample.clear();
    while (source.next_row(cells)) {
        importer.import(cells, source.row_number());
        if (options.on_progress && source.row_number() % kProgressEveryRows == 0) {
            options.on_progress(source.bytes_read(), source.bytes_total());
        }
    }
    if (options.on_progress) options.on_progress(source.bytes_read(), source.bytes_total());

    eventlog::EventLogMetadata metadata;
    metadata.case_id_column = options.mapping.case_id;
    metadata.activity_column = options.mapping.activity;
    metadata.timestamp_column = options.mapping.timestamp;
    metadata.resource_column = options.mapping.resource;
    metadata.start_time_column = options.mapping.start_time;
    metadata.source_format = source_format;
    metadata.time_zone = options.time_zone.empty() ? "UTC" : options.time_zone;
    metadata.source_offsets_minutes.assign(parser.offsets_seen().begin(),
                                           parser.offsets_seen().end());
    return importer.finish(std::move(metadata));
}

}  // namespace pmstudio::importers
