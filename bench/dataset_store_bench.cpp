// Measures the binary dataset store (docs/binary-format.md) on the synthetic log of
// /work/shared/tools/gen_eventlog.py: stored size against the CSV, write time, load time and load
// speed in GB/s of stored bytes, next to a plain read of the same file. See dataset_store_bench.sh.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "eventlog/binary_format.h"
#include "eventlog/event_log_builder.h"

namespace {

using namespace pmstudio::eventlog;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const std::filesystem::path& path) {
    std::string bytes(std::filesystem::file_size(path), '\0');
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw std::runtime_error("cannot open " + path.string());
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    bytes.resize(done);
    return bytes;
}

int parse_int(std::string_view text) {
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// Microseconds since 1970 of "YYYY-MM-DDTHH:MM:SS.mmmZ" (H. Hinnant's days_from_civil).
int64_t parse_timestamp(std::string_view t) {
    int y = parse_int(t.substr(0, 4));
    const int m = parse_int(t.substr(5, 2));
    const int d = parse_int(t.substr(8, 2));
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t days = int64_t{era} * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    const int64_t seconds = days * 86400 + parse_int(t.substr(11, 2)) * 3600 +
                            parse_int(t.substr(14, 2)) * 60 + parse_int(t.substr(17, 2));
    return seconds * 1'000'000 + int64_t{parse_int(t.substr(20, 3))} * 1000;
}

double parse_double(std::string_view text) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// The generated CSV only: CaseID,Activity,Timestamp,Resource,Amount,Region,Cost, no quoting.
EventLog load_generated_csv(const std::string& csv) {
    EventLogBuilder builder(true, false);
    const size_t amount = builder.attribute_index("Amount");
    const size_t region = builder.attribute_index("Region");
    const size_t cost = builder.attribute_index("Cost");
    std::string_view rest(csv);
    rest.remove_prefix(rest.find('\n') + 1);
    std::string_view fields[7];
    while (!rest.empty()) {
        const size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        for (int i = 0; i < 6; ++i) {
            const size_t comma = line.find(',');
            fields[i] = line.substr(0, comma);
            line.remove_prefix(comma + 1);
        }
        fields[6] = line;
        const size_t row = builder.add_event(fields[0], fields[1], parse_timestamp(fields[2]),
                                             std::nullopt, fields[3]);
        builder.attribute(amount).set_double(row, parse_double(fields[4]));
        builder.attribute(region).set_string(row, fields[5]);
        builder.attribute(cost).set_double(row, parse_double(fields[6]));
    }
    EventLogMetadata metadata;
    metadata.case_id_column = "CaseID";
    metadata.activity_column = "Activity";
    metadata.timestamp_column = "Timestamp";
    metadata.resource_column = "Resource";
    metadata.source_format = "csv";
    return builder.finish(metadata);
}

// CPU seconds of all threads of the process: on a shared machine, wall time / CPU time shows how
// much of the machine the measurement actually had.
double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s LOG.csv STORE_FILE\n", argv[0]);
        return 2;
    }
    const std::filesystem::path csv_path = argv[1];
    const std::filesystem::path store_path = argv[2];
    constexpr int kRuns = 5;

    auto start = Clock::now();
    const EventLog log = load_generated_csv(read_file(csv_path));
    std::printf("csv: %s, %.1f MB, %zu cases, %zu events, built in %.1f s\n", csv_path.c_str(),
                std::filesystem::file_size(csv_path) / 1e6, log.case_count(), log.event_count(),
                seconds_since(start));

    std::vector<double> writes;
    for (int run = 0; run < kRuns; ++run) {
        start = Clock::now();
        write_event_log_file(log, store_path);
        writes.push_back(seconds_since(start));
    }
    const auto stored = static_cast<double>(std::filesystem::file_size(store_path));
    std::printf("stored: %.1f MB = %.1f%% of the CSV; write (encode + fsync) median %.3f s\n",
                stored / 1e6, 100.0 * stored / std::filesystem::file_size(csv_path),
                median(writes));

    if (!(read_event_log_file(store_path) == log)) {
        std::fprintf(stderr, "loaded log differs from the written one\n");
        return 1;
    }
    std::vector<double> loads;
    std::vector<double> load_cpu;
    std::vector<double> reads;
    for (int run = 0; run < kRuns; ++run) {
        start = Clock::now();
        const double cpu_start = cpu_seconds();
        const EventLog loaded = read_event_log_file(store_path);
        loads.push_back(seconds_since(start));
        load_cpu.push_back(cpu_seconds() - cpu_start);
        start = Clock::now();
        const std::string bytes = read_file(store_path);
        reads.push_back(seconds_since(start));
    }
    std::printf("load: median %.3f s = %.2f GB/s of stored bytes (%u threads, %.3f CPU s)\n",
                median(loads), stored / median(loads) / 1e9, std::thread::hardware_concurrency(),
                median(load_cpu));
    std::printf("baseline raw read of the file: median %.3f s = %.2f GB/s\n", median(reads),
                stored / median(reads) / 1e9);
    return 0;
}
