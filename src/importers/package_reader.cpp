#include "importers/package_reader.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/json_lookup.h"
#include "common/scoped_file.h"
#include "importers/log_reader.h"
#include "importers/zip_archive.h"

namespace pmstudio::importers {
namespace {

constexpr int64_t kMaxMemberBytes = int64_t{4} << 30;
constexpr int64_t kMaxCompressionRatio = 200;

[[noreturn]] void bad_package(const std::string& why) {
    throw ImportError(422, "Invalid package structure: " + why);
}

std::string base_name(const std::string& member) {
    const auto slash = member.find_last_of('/');
    return slash == std::string::npos ? member : member.substr(slash + 1);
}

bool ignored_member(const std::string& member) {
    const std::string name = base_name(member);
    return name.empty() || name.front() == '.' || member.rfind("__MACOSX/", 0) == 0;
}

// The string value of a dataset.json property, matched case-insensitively.
std::optional<std::string> property(const nlohmann::json& document, const char* key) {
    const auto* value = find_member_ignoring_case(document, key);
    if (value == nullptr || !value->is_string()) return std::nullopt;
    return value->get<std::string>();
}

void apply_descriptor(const std::string& text, ImportOptions& options) {
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (!document.is_object()) bad_package("dataset.json is not a JSON object");
    auto set = [&](const char* key, std::string& target) {
        if (auto value = property(document, key)) target = *value;
    };
    set("caseIdColumn", options.mapping.case_id);
    set("activityNameColumn", options.mapping.activity);
    set("activityTimeColumn", options.mapping.timestamp);
    set("resourceColumn", options.mapping.resource);
    set("startTimeColumn", options.mapping.start_time);
    set("worksheetName", options.worksheet);
    if (auto delimiter = property(document, "delimiter")) {
        options.delimiter = parse_delimiter(*delimiter);
        if (!options.delimiter) {
            bad_package(
                fmt::format("dataset.json delimiter '{}' is not one character", *delimiter));
        }
    }
}

std::string read_member(const ZipArchive& zip, const std::string& name) {
    ZipEntry entry = zip.open(name);
    std::string text;
    char buffer[1 << 16];
    while (size_t got = entry.read(buffer, sizeof buffer)) {
        text.append(buffer, got);
        if (text.size() > (1u << 20)) bad_package(name + " is larger than 1 MiB");
    }
    return text;
}

void extract(const ZipArchive& zip, const ZipArchive::Member& member,
             const std::filesystem::path& target) {
    ZipEntry entry = zip.open(member.name);
    std::ofstream out(target, std::ios::binary);
    std::vector<char> buffer(1 << 20);
    int64_t written = 0;
    while (size_t got = entry.read(buffer.data(), buffer.size())) {
        written += static_cast<int64_t>(got);
        if (written > kMaxMemberBytes) bad_package(member.name + " is larger than 4 GiB");
        out.write(buffer.data(), static_cast<std::streamsize>(got));
    }
    if (!out) throw std::runtime_error("cannot extract the package's data file");
}

}  // namespace

eventlog::EventLog read_package(const std::filesystem::path& file, const ImportOptions& options,
                                ImportReport& report) {
    std::unique_ptr<ZipArchive> zip;
    try {
        zip = std::make_unique<ZipArchive>(file.string());
    } catch (const std::runtime_error& error) {
        throw ImportError(400, fmt::format("Invalid package: {}", error.what()));
    }
    ImportOptions effective = options;
    ImportOptions from_descriptor;  // what dataset.json alone says, for self-mapping XES data
    std::vector<ZipArchive::Member> data_files;
    try {
        for (const auto& member : zip->members()) {
            if (ignored_member(member.name) || member.name.back() == '/') continue;
            if (iequals(base_name(member.name), "dataset.json")) {
                const std::string descriptor = read_member(*zip, member.name);
                apply_descriptor(descriptor, effective);
                apply_descriptor(descriptor, from_descriptor);
                continue;
            }
            const auto format = format_of_file_name(member.name);
            if (!format || *format == LogFormat::Package || *format == LogFormat::Binary ||
                *format == LogFormat::Mzz) {
                continue;
            }
            if (member.size > kMaxMemberBytes ||
                (member.compressed_size > 0 &&
                 member.size / member.compressed_size > kMaxCompressionRatio)) {
                bad_package(
                    fmt::format("{} expands too much ({} bytes from {}); refused as a zip "
                                "bomb",
                                member.name, member.size, member.compressed_size));
            }
            data_files.push_back(member);
        }
    } catch (const std::runtime_error& error) {
        if (dynamic_cast<const ImportError*>(&error) != nullptr) throw;
        throw ImportError(400, fmt::format("Invalid package: {}", error.what()));
    }
    if (data_files.size() != 1) {
        bad_package(
            fmt::format("expected exactly one data file (.csv, .xes, .xes.gz, .xlsx or "
                        ".json), found {}",
                        data_files.size()));
    }
    const auto& member = data_files.front();
    const LogFormat format = *format_of_file_name(member.name);
    if (format == LogFormat::Xes) {
        // XES maps itself: only dataset.json may name other keys, never a mapping meant for
        // another dataset's CSV.
        effective.mapping = from_descriptor.mapping;
    }
    if (format != LogFormat::Xes &&
        (effective.mapping.case_id.empty() || effective.mapping.activity.empty() ||
         effective.mapping.timestamp.empty())) {
        bad_package(
            "dataset.json must name caseIdColumn, activityNameColumn and "
            "activityTimeColumn for " +
            std::string(format_name(format)) + " data");
    }
    const std::filesystem::path extracted =
        file.string() + ".member" + (member.name.ends_with(".gz") ? ".xes.gz" : "");
    const ScopedFile cleanup(extracted);
    try {
        extract(*zip, member, extracted);
    } catch (const std::runtime_error& error) {
        if (dynamic_cast<const ImportError*>(&error) != nullptr) throw;
        throw ImportError(400, fmt::format("Invalid package: {}", error.what()));
    }
    return read_event_log(format, extracted, effective, report);
}

}  // namespace pmstudio::importers
