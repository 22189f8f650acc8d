#include "importers/mzz_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <functional>

#include "common/scoped_file.h"
#include "importers/log_reader.h"
#include "importers/mzz_test_support.h"

namespace pmstudio::importers {
namespace {

using eventlog::Column;
using eventlog::EventLog;
using eventlog::ValueType;
using mzz_test::float_column;
using mzz_test::number_column;
using mzz_test::TestDataset;
using mzz_test::text_column;
using mzz_test::ticks;
using mzz_test::write_payload;
using mzz_test::WrittenPayload;

int64_t micros(int year, int month, int day, int hour, int minute, int second) {
    return *eventlog::civil_to_micros(year, month, day, hour, minute, second, 0);
}

// Shaped like the "Alderaan Daily" example of the format description: a string table, the case
// table (CaseId, PatientID), the event table (InternalCaseId, ActivityName, ActivityTime,
// InternalEventIndex), an empty conformance table and a null trailer.
TestDataset alderaan() {
    TestDataset dataset;
    dataset.case_ids = {"ED100599", "ED103402"};
    dataset.case_columns = {text_column("PatientID", {"P6310", "P7011"})};
    dataset.event_cases = {"ED100599", "ED100599", "ED100599", "ED103402", "ED103402"};
    dataset.event_columns = {
        text_column("ActivityName",
                    {"Registration", "Triage", "Bed Assigned", "Registration", "Triage"}),
        number_column("ActivityTime", 2,
                      {ticks(2025, 5, 4, 12, 3, 0), ticks(2025, 5, 4, 12, 10, 0),
                       ticks(2025, 5, 4, 12, 40, 0), ticks(2025, 5, 4, 13, 0, 0),
                       ticks(2025, 5, 4, 13, 0, 0)})};
    return dataset;
}

// An enriched twin: calculated case columns with the ColumnMeta the format description lists,
// the "Debug"/604/"Eastern Standard Time" LogProperties and a freeze time.
TestDataset enriched() {
    TestDataset dataset = alderaan();
    dataset.resource_column = "Resource";
    dataset.event_columns.push_back(
        text_column("Resource", {"Nurse A", "Nurse B", std::nullopt, "Nurse A", "Nurse C"}));
    auto derived =
        [](mzz_test::TestColumn column, uint8_t b2, std::optional<std::vector<std::string>> sources,
           std::optional<std::vector<std::string>> activities, int32_t kind, int32_t category) {
            column.derived_name = column.name;
            column.b2 = b2;
            column.source_columns = std::move(sources);
            column.source_activities = std::move(activities);
            column.kind = kind;
            column.category = category;
            return column;
        };
    using Names = std::vector<std::string>;
    dataset.case_columns.push_back(
        derived(number_column("RegistrationTime", 2, {ticks(2025, 5, 4, 12, 3, 0), std::nullopt}),
                1, Names{"ActivityTime"}, Names{"Registration"}, 0, 2));
    dataset.case_columns.push_back(
        derived(number_column("TimeSinceLastActivity", 9, {19'200'000'000, 600'000'000}), 1,
                Names{"~calc~CaseEnd"}, std::nullopt, 70, 2));
    dataset.case_columns.push_back(derived(text_column("TriageNurse", {"Nurse B", "Nurse C"}), 1,
                                           Names{"Resource"}, Names{"Triage"}, 0, 2));
    dataset.case_columns.push_back(
        derived(number_column("LWBS", 3, {0, 1}), 1, std::nullopt, std::nullopt, 60, 2));
    dataset.case_columns.push_back(
        derived(number_column("Registration -> Triage", 9, {4'200'000'000, 0}), 0,
                Names{"ActivityTime"}, Names{"Registration", "Triage"}, 42, 4));
    dataset.case_columns.push_back(
        derived(text_column("Registration -> Triage - Category", {"Normal", "Fast"}), 0,
                std::nullopt, std::nullopt, 10, 4));
    dataset.properties_name = "Debug";
    dataset.properties_int = 604;
    dataset.time_zone = "Eastern Standard Time";
    dataset.freeze_ticks = ticks(2025, 5, 4, 14, 0, 0);
    return dataset;
}

const Column& column_named(const std::vector<Column>& columns, std::string_view name) {
    for (const auto& column : columns) {
        if (column.name == name) return column;
    }
    ADD_FAILURE() << "no column " << name;
    static const Column missing;
    return missing;
}

std::vector<std::string> texts(const Column& column) {
    std::vector<std::string> out;
    for (size_t row = 0; row < column.size(); ++row) {
        out.push_back(column.is_null(row) ? "<null>" : column.text(row));
    }
    return out;
}

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int value : values) out += static_cast<char>(value);
    return out;
}

void patch_i32(std::string& payload, uint64_t offset, int32_t value) {
    std::memcpy(payload.data() + offset, &value, sizeof value);
}

class MzzReaderTest : public testing::Test {
protected:
    EventLog read_file_bytes(const std::string& file_bytes) {
        std::ofstream(file_.path(), std::ios::binary) << file_bytes;
        return read_mzz(file_.path());
    }
    EventLog read_payload(const std::string& payload) {
        return read_file_bytes(mzz_test::gzip(payload));
    }
    // The error reading these file bytes gives (a failed test when there is none).
    MzzFormatError file_error(const std::string& file_bytes) {
        try {
            read_file_bytes(file_bytes);
        } catch (const MzzFormatError& error) {
            return error;
        }
        ADD_FAILURE() << "no MzzFormatError";
        return MzzFormatError(0, "no error");
    }
    MzzFormatError payload_error(const std::string& payload) {
        return file_error(mzz_test::gzip(payload));
    }

    ScopedFile file_{std::filesystem::temp_directory_path() /
                     ("pmstudio-mzz-" + std::to_string(::getpid()) + ".mzz")};
};

TEST_F(MzzReaderTest, ReadsTheWorkedExampleShape) {
    const WrittenPayload written = write_payload(alderaan());
    const EventLog log = read_payload(written.bytes);

    EventLog expected;
    expected.metadata.case_id_column = "CaseId";
    expected.metadata.activity_column = "ActivityName";
    expected.metadata.timestamp_column = "ActivityTime";
    expected.metadata.source_format = "mzz";
    expected.case_ids = {"ED100599", "ED103402"};
    expected.case_offsets = {0, 3, 5};
    expected.activities = {"Bed Assigned", "Registration", "Triage"};
    expected.activity = {1, 2, 0, 1, 2};
    expected.timestamp = {micros(2025, 5, 4, 12, 3, 0), micros(2025, 5, 4, 12, 10, 0),
                          micros(2025, 5, 4, 12, 40, 0), micros(2025, 5, 4, 13, 0, 0),
                          micros(2025, 5, 4, 13, 0, 0)};
    Column patient;
    patient.name = "PatientID";
    patient.type = ValueType::String;
    patient.dictionary = {"P6310", "P7011"};
    patient.codes = {0, 1};
    expected.case_attributes = {patient};
    EXPECT_TRUE(log == expected);
    EXPECT_EQ(log.metadata.time_zone, "UTC");
    EXPECT_EQ(log.metadata.freeze_time, eventlog::kNoTime);
    EXPECT_FALSE(log.has_resource());
    EXPECT_FALSE(log.has_start_time());
    EXPECT_TRUE(log.event_attributes.empty());  // the internal columns are hidden
}

TEST_F(MzzReaderTest, TheTestWriterFollowsTheBytesOfTheFormatDescription) {
    const WrittenPayload written = write_payload(alderaan());
    const std::string& payload = written.bytes;
    EXPECT_EQ(ticks(2025, 5, 4, 12, 3, 0), 638'819'569'800'000'000);
    EXPECT_EQ(payload.substr(0, 13), bytes({0x0f, 0, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0}));
    EXPECT_EQ(payload.substr(13, 9), bytes({8, 'E', 'D', '1', '0', '0', '5', '9', '9'}));
    const std::string imported_case_meta =
        bytes({0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_EQ(payload.substr(written.marks.at("cases.PatientID.meta"), 20), imported_case_meta);
    EXPECT_EQ(payload.substr(written.marks.at("events.InternalCaseId.meta"), 5),
              bytes({1, 2, 0, 0, 0}));
    EXPECT_EQ(payload.substr(written.marks.at("events.InternalEventIndex.meta"), 39),
              bytes({1, 2, 0, 0, 0, 0, 18}) + "InternalEventIndex" +
                  bytes({0, 1, 0, 1, 1, 10, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(
        payload.substr(written.marks.at("log properties"), 26),
        bytes({1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(payload.substr(payload.size() - 10), bytes({1, 2, 0, 0, 0, 1, 0, 1, 1, 1}));
}

TEST_F(MzzReaderTest, ReadsEveryDataTypeWithAndWithoutNulls) {
    TestDataset dataset = alderaan();
    using std::nullopt;
    dataset.case_columns = {
        text_column("Ward", {nullopt, "W1"}),
        number_column("Age", 1, {34, nullopt}),
        number_column("Arrived", 2, {ticks(2025, 5, 4, 11, 59, 30), nullopt}),
        number_column("Admitted", 3, {1, nullopt}),
        float_column("Temp", {36.7F, nullopt}),
        number_column("Stay", 9, {nullopt, 36'000'000'000}),
        number_column("Discharged", 2, {nullopt, nullopt}),
    };
    dataset.event_columns.push_back(text_column("Note", {"a", nullopt, "b", "a", nullopt}));
    dataset.event_columns.push_back(text_column("Room", {"1", "2", "3", "1", "2"}));
    dataset.event_columns.push_back(number_column("HR", 1, {80, -7, nullopt, 0, 2147483647}));
    dataset.event_columns.push_back(number_column("Triage", 1, {1, 2, 3, 4, 5}));
    dataset.event_columns.push_back(number_column(
        "Due", 2, {ticks(1, 1, 1, 0, 0, 0), nullopt, ticks(9999, 12, 31, 23, 59, 59), 0, 0}));
    dataset.event_columns.push_back(number_column("Ok", 3, {1, 0, nullopt, 0, 1}));
    dataset.event_columns.push_back(float_column("Temp", {36.7F, -1.5F, nullopt, 0.1F, 1e30F}));
    dataset.event_columns.push_back(
        number_column("Wait", 9, {19'200'000'000, nullopt, -15, 15, -19'200'000'000}));
    const EventLog log = read_payload(write_payload(dataset).bytes);

    ASSERT_EQ(log.case_attributes.size(), 7U);
    const auto& cases = log.case_attributes;
    EXPECT_EQ(cases[0].type, ValueType::String);
    EXPECT_EQ(texts(cases[0]), (std::vector<std::string>{"<null>", "W1"}));
    EXPECT_EQ(cases[1].type, ValueType::Integer);
    EXPECT_EQ(texts(cases[1]), (std::vector<std::string>{"34", "<null>"}));
    EXPECT_EQ(cases[2].type, ValueType::DateTime);
    EXPECT_EQ(texts(cases[2]), (std::vector<std::string>{"2025-05-04T11:59:30Z", "<null>"}));
    EXPECT_EQ(cases[3].type, ValueType::Boolean);
    EXPECT_EQ(texts(cases[3]), (std::vector<std::string>{"true", "<null>"}));
    EXPECT_EQ(cases[4].type, ValueType::Double);
    EXPECT_EQ(cases[4].doubles[0], 36.7);  // the float's shortest decimal form
    EXPECT_TRUE(cases[4].is_null(1));
    EXPECT_EQ(cases[5].type, ValueType::TimeSpan);
    EXPECT_EQ(cases[5].ints[1], 3'600'000'000);
    EXPECT_TRUE(cases[5].is_null(0));
    EXPECT_EQ(cases[6].type, ValueType::DateTime);  // only nulls: the type stays
    EXPECT_TRUE(cases[6].is_null(0) && cases[6].is_null(1));

    const auto& events = log.event_attributes;
    ASSERT_EQ(events.size(), 8U);
    EXPECT_EQ(texts(column_named(events, "Note")),
              (std::vector<std::string>{"a", "<null>", "b", "a", "<null>"}));
    EXPECT_FALSE(column_named(events, "Room").has_nulls());
    EXPECT_EQ(column_named(events, "Room").dictionary, (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(texts(column_named(events, "HR")),
              (std::vector<std::string>{"80", "-7", "<null>", "0", "2147483647"}));
    EXPECT_FALSE(column_named(events, "Triage").has_nulls());
    const Column& due = column_named(events, "Due");
    EXPECT_EQ(due.type, ValueType::DateTime);
    EXPECT_EQ(due.ints[0], micros(1, 1, 1, 0, 0, 0));
    EXPECT_TRUE(due.is_null(1));
    EXPECT_EQ(due.ints[2], micros(9999, 12, 31, 23, 59, 59));
    EXPECT_EQ(due.ints[3], micros(1, 1, 1, 0, 0, 0));  // 0 ticks
    EXPECT_EQ(texts(column_named(events, "Ok")),
              (std::vector<std::string>{"true", "false", "<null>", "false", "true"}));
    const Column& temp = column_named(events, "Temp");
    EXPECT_EQ(temp.type, ValueType::Double);
    EXPECT_EQ(temp.doubles[0], 36.7);
    EXPECT_EQ(temp.doubles[1], -1.5);
    EXPECT_TRUE(temp.is_null(2));
    EXPECT_EQ(temp.doubles[3], 0.1);
    EXPECT_EQ(temp.doubles[4], 1e30);
    const Column& wait = column_named(events, "Wait");
    EXPECT_EQ(wait.type, ValueType::TimeSpan);
    // Ticks are 100 ns: microseconds are ticks / 10, rounded toward zero.
    EXPECT_EQ(wait.ints[0], 1'920'000'000);
    EXPECT_TRUE(wait.is_null(1));
    EXPECT_EQ(wait.ints[2], -1);
    EXPECT_EQ(wait.ints[3], 1);
    EXPECT_EQ(wait.ints[4], -1'920'000'000);
    for (const auto& column : log.case_attributes) EXPECT_FALSE(column.derived) << column.name;
    for (const auto& column : log.event_attributes) EXPECT_FALSE(column.derived) << column.name;
}

TEST_F(MzzReaderTest, ReadsTheResourceAndStartTimeColumnsTheHeaderNames) {
    TestDataset dataset = alderaan();
    dataset.resource_column = "Resource";
    dataset.start_time_column = "StartTime";
    dataset.event_columns.push_back(
        text_column("Resource", {"Nurse A", std::nullopt, "Nurse B", "Nurse A", "Nurse A"}));
    dataset.event_columns.push_back(number_column(
        "StartTime", 2,
        {ticks(2025, 5, 4, 12, 0, 0), std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
    const EventLog log = read_payload(write_payload(dataset).bytes);
    EXPECT_EQ(log.metadata.resource_column, "Resource");
    EXPECT_EQ(log.metadata.start_time_column, "StartTime");
    EXPECT_EQ(log.resources, (std::vector<std::string>{"Nurse A", "Nurse B"}));
    EXPECT_EQ(log.resource, (std::vector<uint32_t>{0, eventlog::kNoResource, 1, 0, 0}));
    EXPECT_EQ(log.start_time[0], micros(2025, 5, 4, 12, 0, 0));
    EXPECT_EQ(log.start_time[1], eventlog::kNoTime);
    EXPECT_TRUE(log.event_attributes.empty());
}

TEST_F(MzzReaderTest, KeepsDerivedColumnsAndTheFreezeTimeOfAnEnrichedDataset) {
    const WrittenPayload written = write_payload(enriched());
    // The trailer as the format description shows it for the enriched twin.
    EXPECT_EQ(
        written.bytes.substr(written.bytes.size() - 18),
        bytes({0, 0x00, 0x30, 0xbe, 0xf5, 0x13, 0x8b, 0xdd, 0x08, 2, 0, 0, 0, 1, 0, 1, 1, 1}));
    const EventLog log = read_payload(written.bytes);
    EXPECT_EQ(log.metadata.freeze_time, micros(2025, 5, 4, 14, 0, 0));
    EXPECT_EQ(log.metadata.time_zone, "UTC");
    ASSERT_EQ(log.case_attributes.size(), 7U);
    EXPECT_FALSE(column_named(log.case_attributes, "PatientID").derived);
    for (const char* name : {"RegistrationTime", "TimeSinceLastActivity", "TriageNurse", "LWBS",
                             "Registration -> Triage", "Registration -> Triage - Category"}) {
        EXPECT_TRUE(column_named(log.case_attributes, name).derived) << name;
    }
    EXPECT_EQ(column_named(log.case_attributes, "TimeSinceLastActivity").type, ValueType::TimeSpan);
    EXPECT_EQ(column_named(log.case_attributes, "TimeSinceLastActivity").ints[0], 1'920'000'000);
    EXPECT_EQ(texts(column_named(log.case_attributes, "LWBS")),
              (std::vector<std::string>{"false", "true"}));
    EXPECT_EQ(texts(column_named(log.case_attributes, "TriageNurse")),
              (std::vector<std::string>{"Nurse B", "Nurse C"}));
    EXPECT_EQ(log.resources, (std::vector<std::string>{"Nurse A", "Nurse B", "Nurse C"}));
}

TEST_F(MzzReaderTest, ReadsMultiByteLengthsAndUtf8) {
    TestDataset dataset = alderaan();
    const std::string long_text(200, 'x');
    const std::string longer_text(20000, 'y');
    const std::string umlauts = "Überweisung geprüft – 中文 🙂";
    dataset.case_columns.push_back(text_column("Long", {long_text, longer_text}));
    dataset.event_columns[0].texts[2] = umlauts;
    const WrittenPayload written = write_payload(dataset);
    EXPECT_EQ(written.bytes.substr(written.marks.at("strings." + long_text), 3),
              bytes({0xc8, 0x01, 'x'}));
    EXPECT_EQ(written.bytes.substr(written.marks.at("strings." + longer_text), 4),
              bytes({0xa0, 0x9c, 0x01, 'y'}));
    const EventLog log = read_payload(written.bytes);
    EXPECT_EQ(texts(column_named(log.case_attributes, "Long")),
              (std::vector<std::string>{long_text, longer_text}));
    EXPECT_EQ(log.activities.back(), umlauts);
}

TEST_F(MzzReaderTest, ReadsAnEmptyDataset) {
    TestDataset dataset;
    dataset.event_columns = {text_column("ActivityName", {}), number_column("ActivityTime", 2, {})};
    const EventLog log = read_payload(write_payload(dataset).bytes);
    EXPECT_EQ(log.case_count(), 0U);
    EXPECT_EQ(log.event_count(), 0U);
}

TEST_F(MzzReaderTest, EveryFixedFieldIsCheckedAtItsOffset) {
    for (const TestDataset& dataset : {alderaan(), enriched()}) {
        const WrittenPayload written = write_payload(dataset);
        ASSERT_GT(written.fixed.size(), 40U);
        for (const auto& field : written.fixed) {
            for (size_t byte = 0; byte < field.size; ++byte) {
                std::string damaged = written.bytes;
                damaged[field.offset + byte] ^= 0x20;
                const MzzFormatError error = payload_error(damaged);
                EXPECT_EQ(error.offset(), field.offset) << field.what << ": " << error.what();
                EXPECT_EQ(error.problem().rfind("expected", 0), 0U) << error.what();
            }
        }
    }
}

TEST_F(MzzReaderTest, MessagesNameTheFieldAndTheOffset) {
    const WrittenPayload written = write_payload(alderaan());
    std::string damaged = written.bytes;
    const uint64_t tag = written.marks.at("cases.CaseId.name") - 4;
    patch_i32(damaged, tag, 7);
    EXPECT_STREQ(
        payload_error(damaged).what(),
        fmt::format("mzz offset 0x{:04X}: expected column record tag 8, found 7", tag).c_str());
    EXPECT_EQ(payload_error(damaged).problem(), "expected column record tag 8, found 7");
}

TEST_F(MzzReaderTest, UnknownDataTypesAreRejected) {
    const WrittenPayload written = write_payload(alderaan());
    for (const int code : {5, 6, 7, 8, 10, 255}) {
        std::string damaged = written.bytes;
        const uint64_t at = written.marks.at("cases.PatientID.type");
        damaged[at] = static_cast<char>(code);
        const MzzFormatError error = payload_error(damaged);
        EXPECT_EQ(error.offset(), at);
        EXPECT_NE(error.problem().find(fmt::format("found unknown type {}", code)),
                  std::string::npos)
            << error.what();
        EXPECT_NE(error.problem().find("'PatientID'"), std::string::npos) << error.what();
    }
}

TEST_F(MzzReaderTest, TruncationAtEveryLengthFails) {
    const std::string payload = write_payload(enriched()).bytes;
    for (size_t size = 0; size < payload.size(); ++size) {
        const MzzFormatError error = payload_error(payload.substr(0, size));
        EXPECT_LE(error.offset(), size) << error.what();
    }
    const std::string file_bytes = mzz_test::gzip(payload);
    for (size_t size = 0; size < file_bytes.size(); ++size) {
        file_error(file_bytes.substr(0, size));
    }
}

TEST_F(MzzReaderTest, TrailingBytesFail) {
    const std::string payload = write_payload(alderaan()).bytes;
    MzzFormatError error = payload_error(payload + std::string(3, '\0'));
    EXPECT_EQ(error.offset(), payload.size());
    EXPECT_EQ(error.problem(),
              "expected the end of the payload after the trailer, found 3 more "
              "bytes");
    const std::string member = mzz_test::gzip(payload);
    for (const std::string& after : {mzz_test::gzip("x"), std::string("junk"), std::string(1, 0)}) {
        error = file_error(member + after);
        EXPECT_EQ(error.offset(), payload.size());
        EXPECT_NE(error.problem().find("after the gzip member"), std::string::npos) << error.what();
    }
}

TEST_F(MzzReaderTest, OtherFilesFail) {
    const std::string payload = write_payload(alderaan()).bytes;
    EXPECT_EQ(file_error(payload).problem(), "expected a gzip file (magic 1f 8b), found 0f 00");
    EXPECT_EQ(file_error("").problem(), "expected a gzip file, found an empty file");
    std::string corrupt = mzz_test::gzip(payload);
    corrupt[corrupt.size() / 2] ^= 0x55;
    file_error(corrupt);
    // A zlib stream (not gzip) starts with other bytes.
    EXPECT_EQ(file_error(bytes({0x78, 0x9c, 0x03, 0x00})).offset(), 0U);
}

TEST_F(MzzReaderTest, AFileThatCannotBeOpenedIsAnImportError) {
    EXPECT_THROW(read_mzz(file_.path().string() + ".missing"), ImportError);
}

// A change to a written dataset or payload and the error it must give.
struct Breakage {
    std::string name;
    std::function<void(TestDataset&)> change_dataset;
    std::function<void(std::string&, const WrittenPayload&)> change_payload;
    std::function<uint64_t(const WrittenPayload&)> offset;
    std::string problem_part;
};

uint64_t mark(const WrittenPayload& written, const std::string& key, uint64_t plus = 0) {
    return written.marks.at(key) + plus;
}

// Offsets of values: strings take 4 bytes, nullable values a flag and their bytes.
constexpr uint64_t kStringValue = 4;
constexpr uint64_t kInt32Value = 5;

TEST_F(MzzReaderTest, InconsistentTablesFailAtTheOffendingBytes) {
    const std::vector<Breakage> breakages = {
        {"event of an unknown case", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "events.InternalCaseId.values", kInt32Value + 1), 2);
         },
         [](const WrittenPayload& w) {
             return mark(w, "events.InternalCaseId.values", kInt32Value);
         },
         "expected the InternalCaseId of event row 1 to be the string index of a case id, found 2"},
        {"InternalCaseId outside the string table", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "events.InternalCaseId.values", 1), 999);
         },
         [](const WrittenPayload& w) { return mark(w, "events.InternalCaseId.values"); },
         "found 999"},
        {"events not grouped by case",
         [](TestDataset& d) {
             d.event_cases = {"ED100599", "ED103402", "ED100599", "ED103402", "ED103402"};
         },
         nullptr,
         [](const WrittenPayload& w) {
             return mark(w, "events.InternalCaseId.values", 2 * kInt32Value);
         },
         "expected the events grouped by case in case-table order, found event row 2 of case "
         "'ED100599' (case row 0) after one of case row 1"},
        {"events not in case-table order",
         [](TestDataset& d) {
             d.event_cases = {"ED103402", "ED103402", "ED100599", "ED100599", "ED100599"};
         },
         nullptr, [](const WrittenPayload& w) { return mark(w, "events.InternalCaseId.values"); },
         "event row 0 of case 'ED103402' (case row 1) first"},
        {"a case without events",
         [](TestDataset& d) {
             d.case_ids.emplace_back("ED200000");
             d.case_columns[0].texts.emplace_back("P1");
         },
         nullptr,
         [](const WrittenPayload& w) { return mark(w, "cases.CaseId.values", 2 * kStringValue); },
         "found none for case 'ED200000' (case row 2)"},
        {"a case id twice",
         [](TestDataset& d) {
             d.case_ids[1] = "ED100599";
             d.event_cases.assign(5, "ED100599");
         },
         nullptr,
         [](const WrittenPayload& w) { return mark(w, "cases.CaseId.values", kStringValue); },
         "expected distinct case ids, found 'ED100599' in case rows 0 and 1"},
        {"a null case id", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "cases.CaseId.values", kStringValue), -1);
         },
         [](const WrittenPayload& w) { return mark(w, "cases.CaseId.values", kStringValue); },
         "found null in row 1"},
        {"a string index outside the table", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "events.ActivityName.values", kStringValue), 9);
         },
         [](const WrittenPayload& w) {
             return mark(w, "events.ActivityName.values", kStringValue);
         },
         "to be a string-table index (-1 for null, else below 7), found 9"},
        {"a string index below -1", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "cases.PatientID.values"), -2);
         },
         [](const WrittenPayload& w) { return mark(w, "cases.PatientID.values"); }, "found -2"},
        {"a null activity", [](TestDataset& d) { d.event_columns[0].texts[3] = std::nullopt; },
         nullptr,
         [](const WrittenPayload& w) {
             return mark(w, "events.ActivityName.values", 3 * kStringValue);
         },
         "expected a value in every row of the activity column 'ActivityName', found null in row "
         "3"},
        {"a null timestamp", [](TestDataset& d) { d.event_columns[1].numbers[0] = std::nullopt; },
         nullptr, [](const WrittenPayload& w) { return mark(w, "events.ActivityTime.values"); },
         "activity-time column 'ActivityTime', found null in row 0"},
        {"a wrong InternalEventIndex", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "events.InternalEventIndex.values", 3 * kInt32Value + 1), 3);
         },
         [](const WrittenPayload& w) {
             return mark(w, "events.InternalEventIndex.values", 3 * kInt32Value);
         },
         "expected InternalEventIndex 4 in event row 3, found 3"},
        {"an activity column the header names but the table lacks",
         [](TestDataset& d) { d.activity_column = "Activity"; }, nullptr,
         [](const WrittenPayload& w) { return mark(w, "events.header.activity"); },
         "expected the event table to have the activity column 'Activity' its header names"},
        {"a resource column the header names but the table lacks",
         [](TestDataset& d) { d.resource_column = "Resource"; }, nullptr,
         [](const WrittenPayload& w) { return mark(w, "events.header.resource"); },
         "the resource column 'Resource'"},
        {"a timestamp column of another type",
         [](TestDataset& d) {
             d.event_columns[1] = text_column("ActivityTime", {"a", "b", "c", "d", "e"});
         },
         nullptr, [](const WrittenPayload& w) { return mark(w, "events.ActivityTime.type"); },
         "expected the activity-time column 'ActivityTime' to be of type DateTime, found string"},
        {"a case-id column that is not first", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             // The last letter of the case table header's "CaseId" (length byte, 6 letters; then
             // the column set's 16 bytes and the first column's tag).
             p[mark(w, "cases.CaseId.name") - 20 - 1] = 'x';
         },
         [](const WrittenPayload& w) { return mark(w, "cases.CaseId.name"); },
         "expected the case-id column 'CaseIx' first in the case table, found 'CaseId'"},
        {"no InternalCaseId", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             p[mark(w, "events.InternalCaseId.name", 1)] = 'X';
         },
         [](const WrittenPayload& w) { return mark(w, "events.InternalCaseId.name") - 20; },
         "expected an internal column 'InternalCaseId' in the event table, found none"},
        {"an InternalCaseId that is not internal", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             p[mark(w, "events.InternalCaseId.meta")] = 0;
         },
         [](const WrittenPayload& w) { return mark(w, "events.InternalCaseId.meta"); },
         "expected the internal column 'InternalCaseId' to have isInternal 1, found 0"},
        {"a derived name of another column",
         [](TestDataset& d) { d.case_columns[0].derived_name = "Other"; }, nullptr,
         [](const WrittenPayload& w) { return mark(w, "cases.PatientID.meta", 5); },
         "expected the derived name of column 'PatientID' to be null or 'PatientID', found "
         "'Other'"},
        {"a null flag of 2", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             p[mark(w, "events.ActivityTime.values", 9)] = 2;
         },
         [](const WrittenPayload& w) { return mark(w, "events.ActivityTime.values", 9); },
         "expected the null flag of a value of column 'ActivityTime' (0 or 1), found 2"},
        {"a boolean of 2",
         [](TestDataset& d) {
             d.case_columns.push_back(number_column("Flag", 3, {1, 2}));
         },
         nullptr, [](const WrittenPayload& w) { return mark(w, "cases.Flag.values", 3); },
         "expected a value of column 'Flag' (0 or 1), found 2"},
        {"a DateTime of Kind UTC",
         [](TestDataset& d) { *d.event_columns[1].numbers[1] |= int64_t{1} << 62; }, nullptr,
         [](const WrittenPayload& w) { return mark(w, "events.ActivityTime.values", 10); },
         "of DateTimeKind 0 (unspecified), found Kind 1"},
        {"a DateTime after 9999",
         [](TestDataset& d) { d.event_columns[1].numbers[1] = 3'155'378'976'000'000'000; }, nullptr,
         [](const WrittenPayload& w) { return mark(w, "events.ActivityTime.values", 10); },
         "within 0001-01-01 to 9999-12-31"},
        {"an isInternal flag of 2", nullptr,
         [](std::string& p, const WrittenPayload& w) { p[mark(w, "cases.PatientID.meta")] = 2; },
         [](const WrittenPayload& w) { return mark(w, "cases.PatientID.meta"); },
         "expected the isInternal flag of column 'PatientID' (0 or 1), found 2"},
        {"a b2 flag of 2", nullptr,
         [](std::string& p, const WrittenPayload& w) { p[mark(w, "cases.PatientID.meta", 8)] = 2; },
         [](const WrittenPayload& w) { return mark(w, "cases.PatientID.meta", 8); },
         "expected the ColumnMeta flag b2 of column 'PatientID' (0 or 1), found 2"},
        {"a column name twice in a table",
         [](TestDataset& d) {
             d.case_columns.push_back(text_column("PatientID", {"a", "b"}));
         },
         nullptr,
         [](const WrittenPayload& w) {
             // The second PatientID record's name: the mark holds the last one written.
             return mark(w, "cases.PatientID.name");
         },
         "expected distinct column names in the case table, found 'PatientID' twice"},
        {"a string length of more than 5 bytes", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             const uint64_t at = mark(w, "cases.PatientID.name");
             p.replace(at, 1, bytes({0x89, 0x80, 0x80, 0x80, 0x80, 0x00}));
         },
         [](const WrittenPayload& w) { return mark(w, "cases.PatientID.name"); },
         "found more than 5 length bytes"},
        {"a row count below zero", nullptr,
         [](std::string& p, const WrittenPayload& w) {
             patch_i32(p, mark(w, "cases.CaseId.name") - 16, -1);
         },
         [](const WrittenPayload& w) { return mark(w, "cases.CaseId.name") - 16; },
         "expected the row count of the case table (0 or more), found -1"},
    };
    for (const Breakage& breakage : breakages) {
        TestDataset dataset = alderaan();
        if (breakage.change_dataset) breakage.change_dataset(dataset);
        const WrittenPayload written = write_payload(dataset);
        std::string payload = written.bytes;
        if (breakage.change_payload) breakage.change_payload(payload, written);
        const MzzFormatError error = payload_error(payload);
        EXPECT_EQ(error.offset(), breakage.offset(written))
            << breakage.name << ": " << error.what();
        EXPECT_NE(error.problem().find(breakage.problem_part), std::string::npos)
            << breakage.name << ": " << error.what();
    }
}

TEST_F(MzzReaderTest, ReadEventLogDispatchesMzzFiles) {
    EXPECT_EQ(format_of_file_name("dataset.MZZ"), LogFormat::Mzz);
    EXPECT_EQ(format_from_name("mzz"), LogFormat::Mzz);
    std::ofstream(file_.path(), std::ios::binary)
        << mzz_test::gzip(write_payload(enriched()).bytes);
    ImportReport report;
    const EventLog log = read_event_log(LogFormat::Mzz, file_.path(), {}, report);
    EXPECT_EQ(log.metadata.source_format, "mzz");
    ImportOptions options;
    options.mapping.case_id = "CaseId";
    options.mapping.activity = "Activity";
    try {
        read_event_log(LogFormat::Mzz, file_.path(), options, report);
        FAIL();
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 422);
        EXPECT_STREQ(error.what(), "Column 'Activity' not found in mindzie dataset file");
    }
    std::ofstream(file_.path(), std::ios::binary) << "not gzip";
    try {
        read_event_log(LogFormat::Mzz, file_.path(), {}, report);
        FAIL();
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 400);
        EXPECT_STREQ(error.what(),
                     "Invalid mindzie dataset file: mzz offset 0x0000: expected a "
                     "gzip file (magic 1f 8b), found 6e 6f");
    }
}

}  // namespace
}  // namespace pmstudio::importers
