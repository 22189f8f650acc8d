// In-process speed of the mining core on one log: directly-follows counts with mean gaps (the
// frequency and performance DFG of one pass), variants and case durations over the whole log,
// best of N runs each, in events per second. See mining_bench.sh, which also times PM4Py.
// Usage: pmstudio_mining_bench LOG [RUNS] [CASE,ACTIVITY,TIME[,RESOURCE]]
//   LOG: .xes/.xes.gz, .csv (the columns given, by default those of gen_eventlog.py) or .pmslog
// Prints one line per figure: name, best seconds, events/s, and a check value; then the DFG's
// effective read rate against this machine's memory bandwidth, measured here by summing a buffer
// much larger than the caches with one thread per core (the DFG's own parallelism).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "eventlog/case_variants.h"
#include "eventlog/log_view.h"
#include "importers/log_reader.h"
#include "mining/case_durations.h"
#include "mining/directly_follows.h"

namespace {

using namespace pmstudio;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

importers::ColumnMapping mapping_of(const std::string& text) {
    std::vector<std::string> names;
    std::stringstream in(text);
    for (std::string name; std::getline(in, name, ',');) names.push_back(name);
    names.resize(4);
    return {names[0], names[1], names[2], names[3], ""};
}

// The best of `runs` timings of `run`, which returns a value to print as a check.
void measure(const char* name, int runs, size_t events, const std::function<double()>& run) {
    double best = 0;
    double check = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        check = run();
        const double elapsed = seconds_since(start);
        best = i == 0 ? elapsed : std::min(best, elapsed);
    }
    std::printf("%-15s %10.6f s %12.1f M events/s   (%g)\n", name, best,
                static_cast<double>(events) / best / 1e6, check);
}

// Best read bandwidth in bytes/s: every core sums its share of a 1 GiB buffer.
double memory_read_bandwidth(int runs) {
    constexpr size_t kBytes = size_t{1} << 30;
    std::vector<uint64_t> buffer(kBytes / sizeof(uint64_t), 1);
    const size_t threads = std::max(1U, std::thread::hardware_concurrency());
    double best = 0;
    for (int run = 0; run < runs; ++run) {
        std::vector<uint64_t> sums(threads, 0);
        const auto start = Clock::now();
        std::vector<std::thread> workers;
        for (size_t t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                const size_t begin = buffer.size() * t / threads;
                const size_t end = buffer.size() * (t + 1) / threads;
                uint64_t sum = 0;
                for (size_t i = begin; i < end; ++i) sum += buffer[i];
                sums[t] = sum;
            });
        }
        for (auto& worker : workers) worker.join();
        const double elapsed = seconds_since(start);
        if (sums[0] == 0) std::abort();  // keeps the sums from being optimised away
        best = std::max(best, static_cast<double>(kBytes) / elapsed);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr, "usage: %s LOG [RUNS] [CASE,ACTIVITY,TIME[,RESOURCE]]\n", argv[0]);
        return 2;
    }
    const std::string file = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
    const auto format = importers::format_of_file_name(file);
    if (!format) {
        std::fprintf(stderr, "unknown log format: %s\n", file.c_str());
        return 2;
    }
    importers::ImportOptions options;
    if (*format == importers::LogFormat::Csv) {
        options.mapping = mapping_of(argc > 3 ? argv[3] : "CaseID,Activity,Timestamp,Resource");
    }
    importers::ImportReport report;
    const auto load_start = Clock::now();
    const eventlog::LogView view(std::make_shared<const eventlog::EventLog>(
        importers::read_event_log(*format, file, options, report)));
    const size_t events = view.event_count();
    std::printf(
        "%s: %zu events, %zu cases, %zu activities, loaded in %.2f s; %u threads, best "
        "of %d runs\n",
        file.c_str(), events, view.case_count(), view.log().activities.size(),
        seconds_since(load_start), std::thread::hardware_concurrency(), runs);

    measure("dfg", runs, events,
            [&] { return static_cast<double>(mining::directly_follows(view).size()); });
    measure("variants", runs, events,
            [&] { return static_cast<double>(eventlog::case_variants(view).variants.size()); });
    measure("case_durations", runs, events,
            [&] { return mining::case_durations(view).statistics.mean_seconds; });

    // The DFG reads each event's activity code (4 bytes) and timestamp (8 bytes) once, and each
    // case's offset (4 bytes).
    double dfg_best = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        mining::directly_follows(view);
        const double elapsed = seconds_since(start);
        dfg_best = i == 0 ? elapsed : std::min(dfg_best, elapsed);
    }
    const double bytes = 12.0 * static_cast<double>(events) + 4.0 * view.case_count();
    const double bandwidth = memory_read_bandwidth(std::min(runs, 5));
    std::printf(
        "memory read bandwidth %.1f GB/s; DFG reads %.1f MB in %.4f s = %.1f GB/s = %.0f%% "
        "of it\n",
        bandwidth / 1e9, bytes / 1e6, dfg_best, bytes / dfg_best / 1e9,
        100 * bytes / dfg_best / bandwidth);
    return 0;
} catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
}
