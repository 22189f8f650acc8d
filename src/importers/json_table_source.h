#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/import_report.h"
#include "importers/json_mapping.h"
#include "importers/table_source.h"

namespace pmstudio::importers {

// The events of a JSON file as a table, in either documented shape: a flat array of event objects,
// or {"cases": [{"caseId": ..., "events": [{...}]}]}, where each case's other properties are
// repeated on its events' rows (an event property of the same name wins). Nested objects are
// flattened with dots ("order.amount"); arrays become their JSON text. Without a mapping the
// columns are every property in first-seen order; with one, the mapped target columns in mapping
// order, values converted to the forced type (a value that does not fit becomes Empty and is
// recorded in the report). Strings are Text (the importer reads dates in them), numbers Number,
// booleans Boolean, null Empty; integers beyond 2^53 stay exact as Text unless forced.
// The whole file is parsed up front (simdjson's compact DOM), so the memory needed is about
// four times the file's size.
class JsonTableSource final : public TableSource {
public:
    // Throws ImportError 400 for malformed JSON or a document of another shape.
    JsonTableSource(const std::string& path, const std::vector<JsonMapping>& mappings,
                    ImportReport& report);
    ~JsonTableSource() override;

    const std::vector<std::string>& header() const override { return header_; }
    bool next_row(std::vector<Cell>& cells) override;
    int64_t row_number() const override { return row_number_; }
    // Estimated from the share of events read.
    int64_t bytes_read() const override;
    int64_t bytes_total() const override { return file_size_; }

private:
    struct Document;
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };

    void add_column(std::string name, const std::string& property, JsonDataType type);

    ImportReport& report_;
    std::unique_ptr<Document> document_;
    std::vector<std::string> header_;
    std::vector<JsonDataType> types_;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> column_of_property_;
    std::vector<std::string> owned_text_;  // per column: text made for the current row
    int64_t events_total_ = 0;
    int64_t row_number_ = 0;
    int64_t file_size_ = 0;
};

}  // namespace pmstudio::importers
