#include "eventlog/binary_format.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace pmstudio::eventlog {
namespace {

Column int_column(std::string name, ValueType type, std::vector<int64_t> values) {
    Column column;
    column.name = std::move(name);
    column.type = type;
    column.ints = std::move(values);
    return column;
}

// Three cases, seven events, every column type, nulls, unicode and empty strings (the log of
// tests/data/binary-format-v1-sample.pmslog, which a version 1 writer wrote).
EventLog sample_log_v1() {
    EventLog log;
    log.metadata = {"Case",  "Activity", "Time",          "Who",
                    "Start", "csv",      "Europe/Zürich", {-300, 60, 120}};
    log.case_ids = {"", "c-1", "é中🙂"};
    log.case_offsets = {0, 2, 3, 7};
    log.activities = {"A", "B", "Über"};
    log.resources = {"ann", "bob"};
    log.activity = {0, 1, 2, 0, 1, 1, 2};
    log.timestamp = {1'000'000, 2'000'000, -5, 7, 8, 8, 1'700'000'000'000'000};
    log.resource = {0, kNoResource, 1, 1, 0, kNoResource, 0};
    log.start_time = {kNoTime, 1'500'000, -10, 0, kNoTime, 8, 1'699'999'999'000'000};

    Column region;
    region.name = "Region";
    region.type = ValueType::String;
    region.dictionary = {"Nord", "Süd"};
    region.codes = {1, 0, 0};
    region.set_null(1);
    log.case_attributes.push_back(region);
    log.case_attributes.push_back(int_column("Flag", ValueType::Boolean, {1, 0, 1}));

    Column cost;
    cost.name = "Cost";
    cost.type = ValueType::Double;
    cost.doubles = {1.5, 0.1, -2.25, 1e300, 0.0, 3.0, 42.0};
    cost.set_null(4);
    log.event_attributes.push_back(cost);
    Column amount =
        int_column("Amount", ValueType::Integer, {INT64_MIN, INT64_MAX, 0, -1, 5, 6, 7});
    amount.set_null(6);
    log.event_attributes.push_back(amount);
    log.event_attributes.push_back(
        int_column("Due", ValueType::DateTime, {0, 1, 2, 3, 4, 5, 1'700'000'000'000'000}));
    log.event_attributes.push_back(
        int_column("Wait", ValueType::TimeSpan, {-1, 0, 1, 60'000'000, 0, 0, 0}));
    Column decimals;
    decimals.name = "Price";
    decimals.type = ValueType::Double;
    decimals.doubles = {12.34, 0.01, 99.99, 100.0, -0.5, 7.77, 1e-3};
    log.event_attributes.push_back(decimals);
    return log;
}

// The same with what version 2 added: a freeze time and derived columns.
EventLog sample_log() {
    EventLog log = sample_log_v1();
    log.metadata.freeze_time = 1'699'000'000'000'000;
    log.case_attributes[1].derived = true;
    log.event_attributes[3].derived = true;
    return log;
}

EventLog round_trip(const EventLog& log) {
    return decode_event_log(encode_event_log(log));
}

TEST(BinaryFormatTest, RoundTripsEveryColumnType) {
    const EventLog log = sample_log();
    const EventLog back = round_trip(log);
    EXPECT_TRUE(back == log);
    EXPECT_EQ(back.metadata, log.metadata);
    EXPECT_EQ(back.metadata.freeze_time, 1'699'000'000'000'000);
    EXPECT_TRUE(back.case_attributes[1].derived && back.event_attributes[3].derived);
    EXPECT_FALSE(back.case_attributes[0].derived || back.event_attributes[0].derived);
    EXPECT_EQ(back.start_time, log.start_time);
    EXPECT_EQ(back.resource, log.resource);
    // Doubles come back bit for bit, decimal or not.
    for (size_t i = 0; i < log.event_attributes.size(); ++i) {
        EXPECT_EQ(std::memcmp(back.event_attributes[i].doubles.data(),
                              log.event_attributes[i].doubles.data(),
                              log.event_attributes[i].doubles.size() * sizeof(double)),
                  0);
    }
}

TEST(BinaryFormatTest, RoundTripsEmptyLogs) {
    const EventLog empty;
    EXPECT_TRUE(round_trip(empty) == empty);
    EventLog cases_only;
    cases_only.case_offsets = {0};
    EXPECT_TRUE(round_trip(cases_only) == cases_only);
}

TEST(BinaryFormatTest, RoundTripsLogsWithoutResourceOrStartTime) {
    EventLog log = sample_log();
    log.resource.clear();
    log.resources.clear();
    log.start_time.clear();
    const EventLog back = round_trip(log);
    EXPECT_TRUE(back == log);
    EXPECT_FALSE(back.has_resource());
    EXPECT_FALSE(back.has_start_time());
}

TEST(BinaryFormatTest, RoundTripsLogsSpanningManySections) {
    EventLog log;
    const uint32_t cases = 70'000;
    log.case_offsets.push_back(0);
    Column cost;
    cost.name = "Cost";
    cost.type = ValueType::Double;
    for (uint32_t c = 0; c < cases; ++c) {
        log.case_ids.push_back("case-" + std::to_string(c));
        for (uint32_t e = 0; e < 1 + c % 3; ++e) {
            log.activity.push_back(e);
            log.timestamp.push_back(int64_t{c} * 1000 + e);
            cost.doubles.push_back(c * 0.25);
        }
        log.case_offsets.push_back(static_cast<uint32_t>(log.activity.size()));
    }
    for (size_t row = 7; row < cost.doubles.size(); row += 1000) cost.set_null(row);
    log.activities = {"a", "b", "c"};
    log.event_attributes.push_back(cost);
    EXPECT_TRUE(round_trip(log) == log);
}

TEST(BinaryFormatTest, DetectsEveryFlippedByte) {
    const std::string bytes = encode_event_log(sample_log());
    for (size_t offset = 0; offset < bytes.size(); ++offset) {
        std::string damaged = bytes;
        damaged[offset] = static_cast<char>(damaged[offset] ^ 0x01);
        EXPECT_THROW(decode_event_log(damaged), FormatError) << "offset " << offset;
        damaged[offset] = static_cast<char>(bytes[offset] ^ 0xFF);
        EXPECT_THROW(decode_event_log(damaged), FormatError) << "offset " << offset;
    }
}

TEST(BinaryFormatTest, DetectsTruncationAtEveryLength) {
    const std::string bytes = encode_event_log(sample_log());
    for (size_t size = 0; size < bytes.size(); ++size) {
        EXPECT_THROW(decode_event_log(std::string_view(bytes).substr(0, size)), FormatError)
            << "size " << size;
    }
}

TEST(BinaryFormatTest, RejectsOtherFilesAndNewerVersions) {
    try {
        decode_event_log("CaseID,Activity,Timestamp\n1,a,2024-01-01T00:00:00Z\n");
        FAIL();
    } catch (const FormatError& error) {
        EXPECT_STREQ(error.what(), "not a pmstudio dataset file (at byte offset 0)");
    }
    std::string bytes = encode_event_log(sample_log());
    bytes[8] = 9;
    try {
        decode_event_log(bytes);
        FAIL();
    } catch (const FormatError& error) {
        EXPECT_STREQ(error.what(),
                     "format version 9 is newer than this server supports (2) (at byte offset 8)");
    }
}

TEST(BinaryFormatTest, ReadsVersion1Files) {
    const EventLog log = read_event_log_file(std::filesystem::path(PMSTUDIO_TEST_DATA_DIR) /
                                             "binary-format-v1-sample.pmslog");
    EXPECT_TRUE(log == sample_log_v1());
    EXPECT_EQ(log.metadata.freeze_time, kNoTime);
    // Re-encoding writes the current version.
    const std::string bytes = encode_event_log(log);
    EXPECT_EQ(bytes[8], 2);
    EXPECT_TRUE(decode_event_log(bytes) == log);
}

TEST(BinaryFormatTest, NamesTheDamagedSection) {
    const std::string bytes = encode_event_log(sample_log());
    // The last byte of the last section's payload, just before the footer.
    uint64_t footer_offset = 0;
    std::memcpy(&footer_offset, bytes.data() + bytes.size() - 32, sizeof footer_offset);
    std::string damaged = bytes;
    damaged[footer_offset - 1] ^= 0x10;
    try {
        decode_event_log(damaged);
        FAIL();
    } catch (const FormatError& error) {
        EXPECT_NE(std::string(error.what()).find("checksum mismatch in section"), std::string::npos)
            << error.what();
    }
}

TEST(BinaryFormatTest, RejectsInconsistentLogsWhenEncoding) {
    EventLog log = sample_log();
    log.timestamp.pop_back();
    EXPECT_THROW(encode_event_log(log), std::invalid_argument);
}

class BinaryFormatFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("pmstudio-binfmt-" + std::to_string(::getpid()));
        std::filesystem::create_directories(directory_);
    }
    void TearDown() override {
        std::filesystem::permissions(directory_, std::filesystem::perms::owner_all);
        std::filesystem::remove_all(directory_);
    }
    std::filesystem::path directory_;
};

TEST_F(BinaryFormatFileTest, WritesAndReadsFiles) {
    const auto path = directory_ / "log.pmslog";
    write_event_log_file(sample_log(), path);
    EXPECT_TRUE(read_event_log_file(path) == sample_log());
    // Overwrites, leaving no temporary file behind.
    EventLog other = sample_log();
    other.metadata.source_format = "xes";
    write_event_log_file(other, path);
    EXPECT_TRUE(read_event_log_file(path) == other);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory_),
                            std::filesystem::directory_iterator()),
              1);
}

TEST_F(BinaryFormatFileTest, FailedWriteKeepsThePreviousFile) {
    const auto path = directory_ / "log.pmslog";
    write_event_log_file(sample_log(), path);
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
    std::filesystem::permissions(
        directory_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    EventLog other = sample_log();
    other.metadata.source_format = "xes";
    EXPECT_THROW(write_event_log_file(other, path), std::system_error);
    EXPECT_TRUE(read_event_log_file(path) == sample_log());
}

TEST_F(BinaryFormatFileTest, FailedWriteOfTheDataKeepsThePreviousFileAndNoTemporary) {
    const auto path = directory_ / "log.pmslog";
    write_event_log_file(sample_log(), path);
    const auto size = std::filesystem::file_size(path);
    // A file size limit makes write() fail with EFBIG halfway through the temporary file.
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto* const previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = size / 2;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    EventLog other = sample_log();
    other.metadata.source_format = "xes";
    EXPECT_THROW(write_event_log_file(other, path), std::system_error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);
    EXPECT_TRUE(read_event_log_file(path) == sample_log());
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory_),
                            std::filesystem::directory_iterator()),
              1);
}

TEST_F(BinaryFormatFileTest, FailedRenameKeepsThePreviousFileAndNoTemporary) {
    // A directory in the way of the rename makes the write fail after the temporary was written.
    const auto path = directory_ / "log.pmslog";
    std::filesystem::create_directories(path / "occupied");
    EXPECT_THROW(write_event_log_file(sample_log(), path), std::system_error);
    EXPECT_TRUE(std::filesystem::is_directory(path / "occupied"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory_),
                            std::filesystem::directory_iterator()),
              1);
}

TEST_F(BinaryFormatFileTest, ReportsEmptyAndTruncatedFiles) {
    const auto path = directory_ / "empty.pmslog";
    std::ofstream(path).close();
    EXPECT_THROW(read_event_log_file(path), FormatError);
    const std::string bytes = encode_event_log(sample_log());
    std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() - 1);
    EXPECT_THROW(read_event_log_file(path), FormatError);
}

}  // namespace
}  // namespace pmstudio::eventlog
