#pragma once

// Test support (included by mzz tests only): writes .mzz payloads by the grammar of
// docs/formats-mzz.md from a small description of a dataset, recording where each fixed field and
// each column part went, and gzips them.

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventlog/time_format.h"

namespace pmstudio::importers::mzz_test {

// .NET ticks (100 ns since 0001-01-01) of a wall-clock time.
inline int64_t ticks(int year, int month, int day, int hour, int minute, int second) {
    constexpr int64_t kUnixEpochTicks = 621'355'968'000'000'000;
    return *eventlog::civil_to_micros(year, month, day, hour, minute, second, 0) * 10 +
           kUnixEpochTicks;
}

// A column of the case or event table, with its ColumnMeta.
struct TestColumn {
    std::string name;
    uint8_t type = 0;                                 // data type code
    std::vector<std::optional<std::string>> texts{};  // type 0
    std::vector<std::optional<int64_t>> numbers{};    // types 1, 2 and 9 (ticks), 3 (0/1)
    std::vector<std::optional<float>> floats{};       // type 4
    bool internal = false;
    std::optional<std::string> derived_name{};
    uint8_t b2 = 0;
    std::optional<std::vector<std::string>> source_columns{};
    std::optional<std::vector<std::string>> source_activities{};
    int32_t kind = 0;
    int32_t category = 0;
};

inline TestColumn text_column(std::string name, std::vector<std::optional<std::string>> values) {
    return {.name = std::move(name), .type = 0, .texts = std::move(values)};
}

inline TestColumn number_column(std::string name, uint8_t type,
                                std::vector<std::optional<int64_t>> values) {
    return {.name = std::move(name), .type = type, .numbers = std::move(values)};
}

inline TestColumn float_column(std::string name, std::vector<std::optional<float>> values) {
    return {.name = std::move(name), .type = 4, .floats = std::move(values)};
}

// A dataset: the case table is the case-id column and `case_columns`; the event table is
// InternalCaseId (from `event_cases`), `event_columns`, then InternalEventIndex (1..n).
struct TestDataset {
    std::string case_id_column = "CaseId";
    std::vector<std::string> case_ids;
    std::vector<TestColumn> case_columns;
    std::string time_column = "ActivityTime";
    std::string activity_column = "ActivityName";
    std::optional<std::string> resource_column;
    std::optional<std::string> start_time_column;
    std::vector<std::string> event_cases;  // the case id of each event
    std::vector<TestColumn> event_columns;
    std::optional<std::string> properties_name;  // "Debug" in enriched datasets
    int32_t properties_int = 0;                  // 604 in enriched datasets
    std::optional<std::string> time_zone;        // "Eastern Standard Time" in enriched datasets
    std::optional<int64_t> freeze_ticks;
};

// A fixed field: any other value there must be reported at `offset`.
struct FixedField {
    std::string what;
    uint64_t offset;
    size_t size;
};

struct WrittenPayload {
    std::string bytes;
    std::vector<FixedField> fixed;
    // "<table>.<column>.<part>" (tables cases, events, conformance; parts name, type, count,
    // values, meta), "events.header.<time|activity|resource|start>", "strings.<text>" and
    // "log properties" -> payload offset.
    std::map<std::string, uint64_t> marks;
};

class PayloadWriter {
public:
    explicit PayloadWriter(const TestDataset& dataset) : dataset_(dataset) {
        for (const auto& id : dataset.case_ids) intern(id);
        for (const auto& column : dataset.case_columns) intern_all(column);
        for (const auto& column : dataset.event_columns) intern_all(column);
    }

    WrittenPayload write() {
        fixed_i32("stream format version", 15);
        fixed_u8("header byte", 0);
        fixed_i32("header int", 1);
        i32(static_cast<int32_t>(strings_.size()));
        for (const auto& text : strings_) {
            out_.marks["strings." + text] = offset();
            str(text);
        }
        fixed_i32("case table version", 1);
        str(dataset_.case_id_column);
        std::vector<TestColumn> cases = {text_column(dataset_.case_id_column, {})};
        for (const auto& id : dataset_.case_ids) cases[0].texts.emplace_back(id);
        cases.insert(cases.end(), dataset_.case_columns.begin(), dataset_.case_columns.end());
        column_set("cases", 1, dataset_.case_ids.size(), cases);

        fixed_i32("event table version", 1);
        out_.marks["events.header.time"] = offset();
        str(dataset_.time_column);
        out_.marks["events.header.activity"] = offset();
        str(dataset_.activity_column);
        out_.marks["events.header.resource"] = offset();
        nstr(dataset_.resource_column);
        out_.marks["events.header.start"] = offset();
        nstr(dataset_.start_time_column);
        fixed_u8("event table header byte 1", 0);
        fixed_u8("event table header byte 2", 0);
        TestColumn case_refs{.name = "InternalCaseId", .type = 1, .internal = true};
        TestColumn event_index{.name = "InternalEventIndex",
                               .type = 1,
                               .internal = true,
                               .derived_name = "InternalEventIndex",
                               .kind = 10};
        for (const auto& id : dataset_.event_cases) {
            case_refs.numbers.emplace_back(index_of(id));
            event_index.numbers.emplace_back(event_index.numbers.size() + 1);
        }
        std::vector<TestColumn> events = {case_refs};
        events.insert(events.end(), dataset_.event_columns.begin(), dataset_.event_columns.end());
        events.push_back(event_index);
        column_set("events", 2, dataset_.event_cases.size(), events);

        out_.marks["log properties"] = offset();
        nstr(dataset_.properties_name);
        fixed_bytes("LogProperties bytes", std::string_view("\0\0\0\0\0\1\0\0\0\0", 10));
        i32(dataset_.properties_int);
        fixed_bytes("LogProperties bytes", "\1\1");
        nstr(dataset_.time_zone);
        fixed_bytes("LogProperties bytes", std::string_view("\1\0\0\0\0\0\0\0", 8));

        fixed_i32("conformance table version", 1);
        column_set("conformance", 0, 0,
                   {TestColumn{.name = "InternalCaseId", .type = 1, .internal = true},
                    TestColumn{.name = "ConformanceIssueId", .type = 1, .internal = true}});

        if (dataset_.freeze_ticks) {
            u8(0);
            i64(*dataset_.freeze_ticks);
        } else {
            u8(1);
        }
        fixed_i32("trailer int", 2);
        fixed_bytes("trailer bytes", std::string_view("\1\0\1\1\1", 5));
        return std::move(out_);
    }

private:
    uint64_t offset() const { return out_.bytes.size(); }
    void raw(const void* data, size_t size) {
        out_.bytes.append(static_cast<const char*>(data), size);
    }
    void u8(uint8_t value) { raw(&value, 1); }
    void i32(int32_t value) { raw(&value, 4); }
    void i64(int64_t value) { raw(&value, 8); }
    void f32(float value) { raw(&value, 4); }
    void str(std::string_view text) {
        for (size_t length = text.size();; length >>= 7) {
            u8(static_cast<uint8_t>((length & 0x7F) | (length > 0x7F ? 0x80 : 0)));
            if (length <= 0x7F) break;
        }
        out_.bytes.append(text);
    }
    void nstr(const std::optional<std::string>& text) {
        u8(text ? 0 : 1);
        if (text) str(*text);
    }
    void nlist(const std::optional<std::vector<std::string>>& items) {
        u8(items ? 0 : 1);
        if (!items) return;
        i32(static_cast<int32_t>(items->size()));
        for (const auto& item : *items) str(item);
    }
    void fixed_u8(const std::string& what, uint8_t value) {
        out_.fixed.push_back({what, offset(), 1});
        u8(value);
    }
    void fixed_i32(const std::string& what, int32_t value) {
        out_.fixed.push_back({what, offset(), 4});
        i32(value);
    }
    void fixed_bytes(const std::string& what, std::string_view bytes) {
        out_.fixed.push_back({what, offset(), bytes.size()});
        out_.bytes.append(bytes);
    }

    void intern(const std::string& text) {
        if (index_.emplace(text, static_cast<int32_t>(strings_.size())).second) {
            strings_.push_back(text);
        }
    }
    void intern_all(const TestColumn& column) {
        for (const auto& text : column.texts) {
            if (text) intern(*text);
        }
    }
    int32_t index_of(const std::string& text) const {
        auto found = index_.find(text);
        if (found == index_.end()) throw std::invalid_argument("not interned: " + text);
        return found->second;
    }

    void column_set(const std::string& table, int32_t level, size_t rows,
                    const std::vector<TestColumn>& columns) {
        fixed_i32(table + " column set version", 1);
        i32(static_cast<int32_t>(rows));
        fixed_i32(table + " second row count", static_cast<int32_t>(rows));
        i32(static_cast<int32_t>(columns.size()));
        for (const auto& column : columns) write_column(table, level, column);
    }

    void write_column(const std::string& table, int32_t level, const TestColumn& column) {
        const std::string key = table + "." + column.name + ".";
        fixed_i32(key + "tag", 8);
        out_.marks[key + "name"] = offset();
        str(column.name);
        out_.marks[key + "type"] = offset();
        u8(column.type);
        fixed_i32(key + "reserved int", 0);
        const size_t rows = column.type == 0   ? column.texts.size()
                            : column.type == 4 ? column.floats.size()
                                               : column.numbers.size();
        out_.fixed.push_back({key + "value count", offset(), 4});
        out_.marks[key + "count"] = offset();
        i32(static_cast<int32_t>(rows));
        out_.marks[key + "values"] = offset();
        for (size_t row = 0; row < rows; ++row) write_value(column, row);
        out_.marks[key + "meta"] = offset();
        u8(column.internal ? 1 : 0);
        fixed_i32(key + "level", level);
        nstr(column.derived_name);
        fixed_u8(key + "meta byte 1", 0);
        fixed_u8(key + "meta byte 2", 1);
        u8(column.b2);
        nlist(column.source_columns);
        nlist(column.source_activities);
        i32(column.kind);
        fixed_u8(key + "meta byte 3", 0);
        i32(column.category);
    }

    void write_value(const TestColumn& column, size_t row) {
        if (column.type == 0) {
            i32(column.texts[row] ? index_of(*column.texts[row]) : -1);
            return;
        }
        const bool null = column.type == 4 ? !column.floats[row] : !column.numbers[row];
        u8(null ? 1 : 0);
        if (null) return;
        switch (column.type) {
            case 2:
            case 9:
                return i64(*column.numbers[row]);
            case 3:
                return u8(static_cast<uint8_t>(*column.numbers[row]));
            case 4:
                return f32(*column.floats[row]);
            default:
                return i32(static_cast<int32_t>(*column.numbers[row]));
        }
    }

    const TestDataset& dataset_;
    std::vector<std::string> strings_;
    std::unordered_map<std::string, int32_t> index_;
    WrittenPayload out_;
};

inline WrittenPayload write_payload(const TestDataset& dataset) {
    return PayloadWriter(dataset).write();
}

// A single-member gzip stream of `bytes`.
inline std::string gzip(std::string_view bytes) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, bytes.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("deflate failed");
    out.resize(stream.total_out);
    return out;
}

}  // namespace pmstudio::importers::mzz_test
