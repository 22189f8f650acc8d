#include "importers/table_preview.h"

#include <algorithm>
#include <functional>
#include <map>

#include "common/text.h"
#include "importers/culture_value_parser.h"
#include "importers/table_importer.h"
#include "importers/type_votes.h"

namespace pmstudio::importers {
namespace {

// Rows already read, served again as a table.
class BufferedTable final : public TableSource {
public:
    explicit BufferedTable(std::vector<std::string> header) : header_(std::move(header)) {}

    void add(const std::vector<Cell>& cells) { rows_.emplace_back(cells.begin(), cells.end()); }

    const std::vector<std::string>& header() const override { return header_; }
    bool next_row(std::vector<Cell>& cells) override {
        if (next_ >= rows_.size()) return false;
        cells.clear();
        for (const auto& cell : rows_[next_]) cells.push_back(cell.view());
        ++next_;
        return true;
    }
    int64_t row_number() const override { return static_cast<int64_t>(next_); }

    Cell cell(size_t row, size_t column) const { return rows_[row][column].view(); }
    size_t size() const { return rows_.size(); }

private:
    std::vector<std::string> header_;
    std::vector<std::vector<OwnedCell>> rows_;
    size_t next_ = 0;
};

using Accept = std::function<bool(const ColumnPreview&, const std::string&)>;

// The column chosen by the first rule (in priority order) that some untaken column satisfies.
std::string pick(const std::vector<ColumnPreview>& columns, std::vector<bool>& taken,
                 const std::vector<Accept>& rules) {
    for (const auto& accept : rules) {
        for (size_t i = 0; i < columns.size(); ++i) {
            if (!taken[i] && accept(columns[i], to_lower(columns[i].name))) {
                taken[i] = true;
                return columns[i].name;
            }
        }
    }
    return {};
}

Accept named(std::initializer_list<const char*> names) {
    std::vector<std::string> wanted(names.begin(), names.end());
    return [wanted](const ColumnPreview&, const std::string& n) {
        return std::find(wanted.begin(), wanted.end(), n) != wanted.end();
    };
}

Accept containing(eventlog::ValueType type, std::initializer_list<const char*> words,
                  bool allow_case_prefix) {
    std::vector<std::string> parts(words.begin(), words.end());
    return [=](const ColumnPreview& c, const std::string& n) {
        if (c.type != type || (!allow_case_prefix && n.rfind("case:", 0) == 0)) return false;
        return std::any_of(parts.begin(), parts.end(), [&](const std::string& word) {
            return n.find(word) != std::string::npos;
        });
    };
}

// Well-known names first (XES keys, the reference's examples), then name patterns of the
// expected type; roles stay empty when nothing fits.
ColumnMapping suggest(const std::vector<ColumnPreview>& columns) {
    using eventlog::ValueType;
    std::vector<bool> taken(columns.size(), false);
    ColumnMapping mapping;
    mapping.case_id =
        pick(columns, taken,
             {named({"case:concept:name", "caseid", "case id", "case_id", "case"}),
              [](const ColumnPreview&, const std::string& n) {
                  return n.find("case") != std::string::npos &&
                         (n.find("id") != std::string::npos || n.find("name") != std::string::npos);
              },
              containing(ValueType::String, {"order", "ticket", "instance", "case"}, true)});
    mapping.activity =
        pick(columns, taken,
             {named({"concept:name", "activity", "activityname", "activity name", "event"}),
              containing(ValueType::String, {"activity", "event", "task", "step"}, false)});
    mapping.timestamp = pick(
        columns, taken,
        {named({"time:timestamp", "timestamp", "time", "end time", "endtime", "complete time"}),
         containing(ValueType::DateTime, {"timestamp", "time", "complete", "end", "date"}, false),
         containing(ValueType::DateTime, {""}, false)});
    mapping.start_time = pick(columns, taken,
                              {named({"start_timestamp", "start time", "starttime", "start"}),
                               containing(ValueType::DateTime, {"start", "begin"}, false)});
    mapping.resource =
        pick(columns, taken,
             {named({"org:resource", "resource", "user", "performer"}),
              containing(ValueType::String, {"resource", "user", "performer", "agent"}, false)});
    return mapping;
}

}  // namespace

TablePreview preview_table(TableSource& source, const ImportOptions& options, int64_t max_rows) {
    TablePreview preview;
    const CultureValueParser parser(*find_culture(options.culture), options.time_zone);
    BufferedTable buffered(source.header());
    std::vector<Cell> cells;
    while (preview.rows_scanned < max_rows && source.next_row(cells)) {
        buffered.add(cells);
        ++preview.rows_scanned;
    }
    const auto& header = source.header();
    for (size_t column = 0; column < header.size(); ++column) {
        TypeVotes votes;
        std::map<std::string, int64_t> formats;
        ColumnPreview described{header[column], eventlog::ValueType::String, std::nullopt, 0, {}};
        for (size_t row = 0; row < buffered.size(); ++row) {
            const Cell cell = buffered.cell(row, column);
            votes.vote(cell, parser);
            if (cell.kind != Cell::Kind::Text) continue;
            if (auto format = parser.date_format(cell.text)) ++formats[*format];
            const std::string value(cell.text);
            if (described.examples.size() < 3 &&
                std::find(described.examples.begin(), described.examples.end(), value) ==
                    described.examples.end()) {
                described.examples.push_back(value);
            }
        }
        described.type = votes.decide();
        described.non_empty = votes.values();
        if (described.type == eventlog::ValueType::DateTime && !formats.empty()) {
            described.date_format =
                std::max_element(formats.begin(), formats.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                })->first;
        }
        preview.columns.push_back(std::move(described));
    }
    preview.suggested = suggest(preview.columns);

    ImportOptions effective = options;
    if (effective.mapping.case_id.empty() && effective.mapping.activity.empty() &&
        effective.mapping.timestamp.empty()) {
        effective.mapping = preview.suggested;
    }
    const auto& mapping = effective.mapping;
    if (!mapping.case_id.empty() && !mapping.activity.empty() && !mapping.timestamp.empty()) {
        preview.log = import_table(buffered, effective, preview.report, "CSV", "csv");
    }
    return preview;
}

}  // namespace pmstudio::importers
