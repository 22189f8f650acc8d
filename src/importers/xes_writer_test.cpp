#include "importers/xes_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "importers/xes_reader.h"

namespace pmstudio::importers {
namespace {

using eventlog::EventLog;

const std::filesystem::path kData = PMSTUDIO_SHARED_DATA_DIR;

EventLog round_trip(const EventLog& log) {
    const auto path =
        std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-round-trip.xes");
    {
        std::ofstream out(path, std::ios::binary);
        write_xes(log, out);
    }
    ImportReport report;
    EventLog back = read_xes(path, ImportOptions{}, report);
    std::filesystem::remove(path);
    EXPECT_EQ(report.skipped_rows(), 0);
    EXPECT_EQ(report.invalid_values(), 0);
    return back;
}

TEST(XesWriterTest, RunningExampleRoundTrips) {
    ImportReport report;
    const EventLog log = read_xes(kData / "running-example.xes", ImportOptions{}, report);
    EXPECT_EQ(round_trip(log), log);
}

TEST(XesWriterTest, Bpic2012RoundTrips) {
    ImportReport report;
    const EventLog log = read_xes(kData / "bpic2012.xes.gz", ImportOptions{}, report);
    EXPECT_EQ(round_trip(log), log);
}

TEST(XesWriterTest, TypedEscapedAttributesAndMetadata) {
    EventLog log;
    log.metadata.time_zone = "Europe/Amsterdam";
    log.metadata.source_offsets_minutes = {-330, 60};
    log.case_ids = {"c<1>"};
    log.case_offsets = {0, 1};
    log.activities = {"say \"hi\" & go\tnow"};
    log.activity = {0};
    log.timestamp = {1'705'312'800'123'456};
    eventlog::Column flag;
    flag.name = "ok";
    flag.type = eventlog::ValueType::Boolean;
    flag.ints = {1};
    log.case_attributes.push_back(flag);
    eventlog::Column cost;
    cost.name = "cost";
    cost.type = eventlog::ValueType::Double;
    cost.doubles = {0.1};
    log.event_attributes.push_back(cost);

    std::ostringstream out;
    write_xes(log, out);
    const std::string xml = out.str();
    EXPECT_NE(xml.find(R"(<string key="pmstudio:timeZone" value="Europe/Amsterdam"/>)"),
              std::string::npos);
    EXPECT_NE(xml.find(R"(<string key="pmstudio:sourceOffsets" value="-05:30,+01:00"/>)"),
              std::string::npos);
    EXPECT_NE(xml.find(R"(<string key="concept:name" value="c&lt;1&gt;"/>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(value="say &quot;hi&quot; &amp; go&#9;now")"), std::string::npos);
    EXPECT_NE(xml.find(R"(<date key="time:timestamp" value="2024-01-15T10:00:00.123456Z"/>)"),
              std::string::npos);
    EXPECT_NE(xml.find(R"(<boolean key="ok" value="true"/>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(<float key="cost" value="0.1"/>)"), std::string::npos);

    EventLog back = round_trip(log);
    // The zone is the reading import's option; the rest comes back as it was.
    EXPECT_EQ(back.metadata.time_zone, "UTC");
    back.metadata.time_zone = log.metadata.time_zone;
    back.metadata.source_format.clear();
    back.metadata.case_id_column.clear();
    back.metadata.activity_column.clear();
    back.metadata.timestamp_column.clear();
    EXPECT_EQ(back, log);
}

}  // namespace
}  // namespace pmstudio::importers
