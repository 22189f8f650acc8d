#include "importers/csv_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eventlog/log_summary.h"
#include "importers/csv_writer.h"
#include "importers/culture_value_parser.h"
#include "importers/reference_figures_test_support.h"

namespace pmstudio::importers {
namespace {

const std::string kData = kSharedData.string();

ImportOptions pm4py_mapping() {
    ImportOptions options;
    options.mapping = {"case:concept:name", "concept:name", "time:timestamp", "org:resource", ""};
    return options;
}

void expect_reference(const eventlog::EventLog& log, const std::string& reference_file) {
    const auto reference = expect_reference_counts(log, reference_file);
    const auto summary = eventlog::summarize(log);
    const CultureValueParser iso(*find_culture("invariant"), "UTC");
    EXPECT_EQ(summary.first_timestamp,
              iso.parse_datetime(reference["first_timestamp"].get<std::string>()));
    EXPECT_EQ(summary.last_timestamp,
              iso.parse_datetime(reference["last_timestamp"].get<std::string>()));
}

std::string temp_file(const std::string& content) {
    char name[] = "/tmp/pmstudio-csv-XXXXXX";
    const int fd = mkstemp(name);
    ::close(fd);
    std::ofstream(name, std::ios::binary) << content;
    return name;
}

TEST(CsvReaderTest, ReceiptMatchesPm4py) {
    ImportReport report;
    const auto log = read_csv(kData + "/receipt.csv", pm4py_mapping(), report);
    expect_reference(log, "receipt.json");
    EXPECT_EQ(report.skipped_rows(), 0);
    EXPECT_EQ(log.metadata.source_offsets_minutes, (std::vector<int32_t>{60, 120}));
}

TEST(CsvReaderTest, RunningExampleMatchesPm4py) {
    ImportReport report;
    const auto log = read_csv(kData + "/running-example.csv", pm4py_mapping(), report);
    expect_reference(log, "running-example-csv.json");
    // "case:creator" is constant per case; "Costs" varies.
    bool creator_is_case_level = false;
    for (const auto& column : log.case_attributes)
        creator_is_case_level |= column.name == "case:creator";
    EXPECT_TRUE(creator_is_case_level);
}

TEST(CsvReaderTest, MissingColumnsAre422BeforeReading) {
    ImportOptions options = pm4py_mapping();
    options.mapping.case_id = "CaseID";
    options.mapping.activity = "Nope";
    ImportReport report;
    try {
        read_csv(kData + "/running-example.csv", options, report);
        FAIL();
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 422);
        EXPECT_EQ(error.messages(),
                  (std::vector<std::string>{"Column 'CaseID' not found in CSV file",
                                            "Column 'Nope' not found in CSV file"}));
    }
}

TEST(CsvReaderTest, DialectQuotingEncodingAndRowIssues) {
    // Semicolons, quoted fields with delimiters, escaped quotes and a line break; Windows-1252.
    const std::string csv =
        "Case;Act;Time;Amount;Note\r\n"
        "c1;\"A;1\";2024-01-15 10:00:00;1.5;\"say \"\"hi\"\"\"\r\n"
        "c1;B;not a date;2;x\r\n"
        "c1;C;2024-01-15 11:00:00;oops;\"two\nlines\"\r\n"
        "c2;A;2024-01-16T08:00:00+01:00;3;caf\xE9\r\n"
        ";A;2024-01-16 08:00:00;4;y\r\n"
        "c3;D;2024-01-17 08:00:00;5;z\r\n"
        "c3;D;2024-01-17 08:00:00;6;z\r\n"
        "c3;D;2024-01-17 08:00:00;7;z\r\n"
        "c3;D;2024-01-17 08:00:00;8;z\r\n"
        "c3;D;2024-01-17 08:00:00;9;z\r\n"
        "c3;D;2024-01-17 08:00:00;10;z\r\n";
    const std::string file = temp_file(csv);
    ImportOptions options;
    options.mapping = {"Case", "Act", "Time", "", ""};
    options.time_zone = "Europe/Amsterdam";
    ImportReport report;
    const auto log = read_csv(file, options, report);
    std::remove(file.c_str());
    EXPECT_EQ(log.event_count(), 9u);
    EXPECT_EQ(log.activities, (std::vector<std::string>{"A", "A;1", "C", "D"}));
    EXPECT_EQ(report.skipped_rows(), 2);
    EXPECT_EQ(report.invalid_values(), 1);
    ASSERT_EQ(report.issues().size(), 3u);
    EXPECT_EQ(report.issues()[0].row_index, 2);
    EXPECT_EQ(report.issues()[0].column_name, "Time");
    EXPECT_EQ(report.issues()[0].outcome, "Skipped");
    EXPECT_EQ(report.issues()[1].column_name, "Amount");
    EXPECT_EQ(report.issues()[1].outcome, "SetToNull");
    const eventlog::Column* note = nullptr;
    const eventlog::Column* amount = nullptr;
    for (const auto& column : log.event_attributes) {
        if (column.name == "Note") note = &column;
        if (column.name == "Amount") amount = &column;
    }
    ASSERT_TRUE(note && amount);
    EXPECT_EQ(note->text(0), "say \"hi\"");
    EXPECT_EQ(note->text(1), "two\nlines");
    EXPECT_EQ(note->text(2), "caf\xC3\xA9");
    EXPECT_EQ(amount->type, eventlog::ValueType::Double);
    EXPECT_TRUE(amount->is_null(1));
    // 10:00 in Amsterdam (CET) is 09:00 UTC.
    EXPECT_EQ(log.timestamp[0], *CultureValueParser(*find_culture("invariant"), "UTC")
                                     .parse_datetime("2024-01-15T09:00:00Z"));
    EXPECT_EQ(log.metadata.source_offsets_minutes, (std::vector<int32_t>{60}));
}

}  // namespace
}  // namespace pmstudio::importers

namespace pmstudio::importers {
namespace {

TEST(CsvWriterTest, RoundTripGivesTheSameLog) {
    for (const char* name : {"running-example.csv", "receipt.csv"}) {
        ImportReport report;
        const auto original = read_csv(kData + "/" + name, pm4py_mapping(), report);
        const std::string file = temp_file("");
        {
            std::ofstream out(file, std::ios::binary);
            write_csv(original, out);
        }
        ImportReport again;
        auto copy = read_csv(file, pm4py_mapping(), again);
        std::remove(file.c_str());
        // The source offsets are not in the CSV (timestamps are written in UTC).
        copy.metadata.source_offsets_minutes = original.metadata.source_offsets_minutes;
        EXPECT_TRUE(copy == original) << name;
        EXPECT_EQ(again.skipped_rows(), 0);
    }
}

}  // namespace
}  // namespace pmstudio::importers
