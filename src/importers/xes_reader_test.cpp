#include "importers/xes_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "eventlog/log_summary.h"
#include "eventlog/time_format.h"
#include "importers/culture_value_parser.h"
#include "importers/reference_figures_test_support.h"

namespace pmstudio::importers {
namespace {

using eventlog::Column;
using eventlog::EventLog;
using eventlog::ValueType;

const std::filesystem::path& kData = kSharedData;

// A file in the temp directory, removed with the object.
class TempFile {
public:
    explicit TempFile(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                (std::to_string(::getpid()) + "-" + name)) {}
    ~TempFile() { std::filesystem::remove(path_); }
    const std::filesystem::path& path() const { return path_; }
    void write(const std::string& text) const { std::ofstream(path_, std::ios::binary) << text; }
    void write_gzip(const std::string& text) const {
        gzFile gz = gzopen(path_.c_str(), "wb");
        gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
        gzclose(gz);
    }

private:
    std::filesystem::path path_;
};

EventLog read(const std::filesystem::path& file, ImportReport& report) {
    return read_xes(file, ImportOptions{}, report);
}

const Column* find_column(const std::vector<Column>& columns, std::string_view name) {
    for (const auto& column : columns) {
        if (column.name == name) return &column;
    }
    return nullptr;
}

// PM4Py 2.7 drops the UTC offset of XES dates and reports the wall-clock time as UTC; pmstudio
// keeps the instant. The expected instant is the reference's wall-clock time minus the offset
// the file gives that event.
std::string instant_of_wall_clock(const std::string& reference, int offset_minutes) {
    CultureValueParser parser(*find_culture("invariant"), "UTC");
    const int64_t wall = *parser.parse_datetime(reference);
    return eventlog::format_utc(wall - int64_t{offset_minutes} * 60 * eventlog::kMicrosPerSecond);
}

void expect_reference_figures(const EventLog& log, const std::string& reference_name,
                              int first_offset, int last_offset) {
    const auto reference = expect_reference_counts(log, reference_name);
    const auto summary = eventlog::summarize(log);
    EXPECT_EQ(eventlog::format_utc(summary.first_timestamp),
              instant_of_wall_clock(reference["first_timestamp"], first_offset));
    EXPECT_EQ(eventlog::format_utc(summary.last_timestamp),
              instant_of_wall_clock(reference["last_timestamp"], last_offset));
}

TEST(XesReaderTest, RunningExampleMatchesReference) {
    ImportReport report;
    const EventLog log = read(kData / "running-example.xes", report);
    expect_reference_figures(log, "running-example.json", 60, 60);
    EXPECT_EQ(report.skipped_rows(), 0);
    EXPECT_EQ(log.metadata.source_format, "xes");
    EXPECT_EQ(log.metadata.case_id_column, "concept:name");
    EXPECT_EQ(log.metadata.resource_column, "org:resource");
    EXPECT_EQ(log.metadata.source_offsets_minutes, std::vector<int32_t>{60});
    ASSERT_TRUE(log.has_resource());
    // Trace attribute "creator" is a case attribute; Activity, Resource, Costs event attributes.
    ASSERT_NE(find_column(log.case_attributes, "creator"), nullptr);
    ASSERT_NE(find_column(log.event_attributes, "Costs"), nullptr);
    EXPECT_EQ(find_column(log.event_attributes, "Costs")->type, ValueType::String);
    EXPECT_EQ(find_column(log.event_attributes, "concept:name"), nullptr);
}

TEST(XesReaderTest, Bpic2012MatchesReferenceWithEveryLifecycleTransition) {
    ImportReport report;
    int64_t last_progress = 0;
    ImportOptions options;
    options.on_progress = [&](int64_t done, int64_t total) {
        EXPECT_GE(done, last_progress);
        EXPECT_EQ(total,
                  static_cast<int64_t>(std::filesystem::file_size(kData / "bpic2012.xes.gz")));
        last_progress = done;
    };
    const EventLog log = read_xes(kData / "bpic2012.xes.gz", options, report);
    expect_reference_figures(log, "bpic2012.json", 120, 60);
    EXPECT_EQ(report.skipped_rows(), 0);
    EXPECT_EQ(last_progress,
              static_cast<int64_t>(std::filesystem::file_size(kData / "bpic2012.xes.gz")));
    EXPECT_EQ(log.metadata.source_offsets_minutes, (std::vector<int32_t>{60, 120}));
    const Column* lifecycle = find_column(log.event_attributes, "lifecycle:transition");
    ASSERT_NE(lifecycle, nullptr);
    EXPECT_EQ(lifecycle->dictionary, (std::vector<std::string>{"COMPLETE", "SCHEDULE", "START"}));
    const Column* amount = find_column(log.case_attributes, "AMOUNT_REQ");
    ASSERT_NE(amount, nullptr);
    EXPECT_EQ(amount->type, ValueType::String);  // declared as string in the file
    EXPECT_EQ(find_column(log.case_attributes, "REG_DATE")->type, ValueType::DateTime);
    // The log-level attribute with 1000s of nested children is ignored without a warning.
    EXPECT_TRUE(report.warnings().empty());
}

const char* const kHandWritten = R"(<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="2.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="source" value="log level: ignored"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <int key="priority" value="3"/>
    <boolean key="vip" value="true"/>
    <list key="tags"><string key="tag" value="a"/><string key="tag" value="b"/></list>
    <event>
      <string key="concept:name" value="A &amp; B"/>
      <date key="time:timestamp" value="2024-01-15T10:00:00.250+01:00"/>
      <string key="org:resource" value="Ann"/>
      <int key="count" value="-7"/>
      <float key="cost" value="12.5"/>
      <boolean key="ok" value="false"/>
      <id key="ref" value="6f1e"/>
      <date key="due" value="2024-02-01T00:00:00Z"/>
      <string key="lifecycle:transition" value="complete">
        <string key="note" value="nested: skipped"/>
      </string>
    </event>
    <event>
      <string key="concept:name" value="no time"/>
    </event>
    <event>
      <string key="concept:name" value="bad time"/>
      <date key="time:timestamp" value="yesterday"/>
    </event>
    <event>
      <date key="time:timestamp" value="2024-01-15T11:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="B"/>
      <date key="time:timestamp" value="2024-01-15T09:30:00Z"/>
      <int key="count" value="many"/>
      <container key="box"><int key="inner" value="1"/></container>
    </event>
  </trace>
  <trace>
    <string key="note" value="no case id"/>
    <event>
      <string key="concept:name" value="A"/>
      <date key="time:timestamp" value="2024-01-15T10:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="A"/>
      <date key="time:timestamp" value="2024-01-15T10:00:00Z"/>
    </event>
  </trace>
</log>
)";

TEST(XesReaderTest, HandWrittenLogWithTypesNestingAndProblems) {
    TempFile file("hand.xes");
    file.write(kHandWritten);
    ImportReport report;
    const EventLog log = read(file.path(), report);

    EXPECT_EQ(log.case_ids, std::vector<std::string>{"c1"});
    ASSERT_EQ(log.event_count(), 2U);
    // Canonical order: "A & B" (10:00:00.250+01:00 = 09:00:00.250Z) before B (09:30Z).
    EXPECT_EQ(eventlog::format_utc(log.timestamp[0]), "2024-01-15T09:00:00.250Z");
    EXPECT_EQ(log.activities[log.activity[0]], "A & B");
    EXPECT_EQ(log.activities[log.activity[1]], "B");
    EXPECT_EQ(log.resources, std::vector<std::string>{"Ann"});
    EXPECT_EQ(log.resource[1], eventlog::kNoResource);

    ASSERT_EQ(log.case_attributes.size(), 2U);  // priority, vip (sorted); the list is skipped
    EXPECT_EQ(log.case_attributes[0].name, "priority");
    EXPECT_EQ(log.case_attributes[0].type, ValueType::Integer);
    EXPECT_EQ(log.case_attributes[0].ints, std::vector<int64_t>{3});
    EXPECT_EQ(log.case_attributes[1].name, "vip");
    EXPECT_EQ(log.case_attributes[1].type, ValueType::Boolean);

    std::vector<std::pair<std::string, ValueType>> event_columns;
    for (const auto& column : log.event_attributes) {
        event_columns.emplace_back(column.name, column.type);
    }
    EXPECT_EQ(event_columns, (std::vector<std::pair<std::string, ValueType>>{
                                 {"cost", ValueType::Double},
                                 {"count", ValueType::Integer},
                                 {"due", ValueType::DateTime},
                                 {"lifecycle:transition", ValueType::String},
                                 {"ok", ValueType::Boolean},
                                 {"ref", ValueType::String},
                             }));
    const Column& count = *find_column(log.event_attributes, "count");
    EXPECT_EQ(count.ints[0], -7);
    EXPECT_TRUE(count.is_null(1));  // "many" is no int
    EXPECT_EQ(find_column(log.event_attributes, "cost")->doubles[0], 12.5);

    // Events 2 (no timestamp), 3 (bad timestamp), 4 (no activity) and the two events of the
    // trace without case id (6, 7) are skipped; event 5's "many" is set to null.
    EXPECT_EQ(report.skipped_rows(), 5);
    EXPECT_EQ(report.invalid_values(), 1);
    std::vector<std::tuple<int64_t, std::string, std::string, std::string>> issues;
    for (const auto& issue : report.issues()) {
        issues.emplace_back(issue.row_index, issue.column_name, issue.error_type, issue.outcome);
    }
    EXPECT_EQ(issues, (std::vector<std::tuple<int64_t, std::string, std::string, std::string>>{
                          {2, "time:timestamp", "MissingValue", "Skipped"},
                          {3, "time:timestamp", "ParseError", "Skipped"},
                          {4, "concept:name", "MissingValue", "Skipped"},
                          {5, "count", "ParseError", "SetToNull"},
                          {6, "concept:name", "MissingValue", "Skipped"},
                          {7, "concept:name", "MissingValue", "Skipped"},
                      }));
    // One summary for the list and its 2 children, the note, the container and its child.
    ASSERT_EQ(report.warnings().size(), 1U);
    EXPECT_NE(report.warnings()[0].find("Skipped 6 nested"), std::string::npos);
    EXPECT_EQ(log.metadata.source_offsets_minutes, (std::vector<int32_t>{0, 60}));
}

TEST(XesReaderTest, MappingNamesOtherKeys) {
    ImportOptions options;
    options.mapping.activity = "Activity";
    options.mapping.resource = "Resource";
    ImportReport report;
    const EventLog log = read_xes(kData / "running-example.xes", options, report);
    EXPECT_EQ(log.event_count(), 42U);
    EXPECT_EQ(log.metadata.activity_column, "Activity");
    EXPECT_EQ(log.metadata.resource_column, "Resource");
    // concept:name and org:resource are now ordinary event attributes; Activity is not.
    EXPECT_NE(find_column(log.event_attributes, "concept:name"), nullptr);
    EXPECT_NE(find_column(log.event_attributes, "org:resource"), nullptr);
    EXPECT_EQ(find_column(log.event_attributes, "Activity"), nullptr);
}

TEST(XesReaderTest, NoResourceColumnWhenNoEventHasOne) {
    TempFile file("nores.xes");
    file.write(R"(<log><trace><string key="concept:name" value="1"/><event>
        <string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01"/>
        </event></trace></log>)");
    ImportReport report;
    const EventLog log = read(file.path(), report);
    EXPECT_EQ(log.event_count(), 1U);
    EXPECT_FALSE(log.has_resource());
    EXPECT_TRUE(log.metadata.resource_column.empty());
}

TEST(XesReaderTest, ReadsGzipByMagicBytes) {
    TempFile plain("plain.xes");
    TempFile gzip("compressed.bin");
    plain.write(kHandWritten);
    gzip.write_gzip(kHandWritten);
    ImportReport plain_report;
    ImportReport gzip_report;
    EXPECT_EQ(read(gzip.path(), gzip_report), read(plain.path(), plain_report));
    EXPECT_EQ(gzip_report.skipped_rows(), plain_report.skipped_rows());
}

TEST(XesReaderTest, MalformedXmlIsAnImportError400) {
    TempFile file("bad.xes");
    file.write("<log>\n<trace>\n<event></trace>\n</log>\n");
    ImportReport report;
    try {
        read(file.path(), report);
        FAIL() << "expected ImportError";
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 400);
        EXPECT_STREQ(error.what(), "Invalid XES file: mismatched tag at line 3");
    }
}

TEST(XesReaderTest, TruncatedGzipIsAnImportError400) {
    TempFile full("full.gz");
    full.write_gzip(kHandWritten);
    std::ifstream in(full.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    TempFile truncated("truncated.gz");
    truncated.write(bytes.substr(0, bytes.size() / 2));
    ImportReport report;
    try {
        read(truncated.path(), report);
        FAIL() << "expected ImportError";
    } catch (const ImportError& error) {
        EXPECT_EQ(error.status(), 400);
    }
}

TEST(XesReaderTest, RootMustBeLog) {
    TempFile file("root.xes");
    file.write("<html></html>");
    ImportReport report;
    EXPECT_THROW(read(file.path(), report), ImportError);
}

}  // namespace
}  // namespace pmstudio::importers

namespace pmstudio::importers {
namespace {

// The reader cuts the trace list at "</trace>" to parse segments in parallel; a "</trace>" that is
// not markup (here in a comment) must still give the sequential parse's result.
TEST(XesReaderTest, TraceEndInsideACommentDoesNotBreakTheParallelSplit) {
    std::string xml = "<?xml version=\"1.0\"?>\n<log xes.version=\"1.0\">\n";
    for (int t = 0; t < 3000; ++t) {
        xml += "<trace><string key=\"concept:name\" value=\"c" + std::to_string(t) +
               "\"/><event><string key=\"concept:name\" value=\"a\"/>"
               "<date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace>\n";
        if (t == 1500) xml += "<!-- a comment mentioning </trace> in the middle -->\n";
    }
    xml += "<!-- and </trace> once more at the end -->\n</log>\n";
    TempFile file("comment.xes");
    file.write(xml);
    ImportReport report;
    const EventLog log = read(file.path(), report);
    EXPECT_EQ(log.case_count(), 3000u);
    EXPECT_EQ(log.event_count(), 3000u);
    EXPECT_EQ(report.skipped_rows(), 0);
}

}  // namespace
}  // namespace pmstudio::importers
