#include "importers/mpz_archive.h"

#include <fmt/format.h>

#include <fstream>

#include "common/text.h"
#include "importers/import_report.h"

namespace pmstudio::importers {
namespace {

[[noreturn]] void bad_package(const std::string& problem) {
    throw ImportError(400, "Invalid .mpz package: " + problem);
}

// Member names are paths inside the package; one that could escape a directory it is extracted
// to (absolute, a drive letter, a ".." segment) marks a crafted archive.
void check_name(const std::string& name) {
    if (name.starts_with('/') || name.starts_with('\\') || (name.size() >= 2 && name[1] == ':')) {
        bad_package(fmt::format("the zip entry '{}' has an absolute path", name));
    }
    size_t start = 0;
    while (start <= name.size()) {
        const size_t end = name.find_first_of("/\\", start);
        const size_t stop = end == std::string::npos ? name.size() : end;
        if (name.compare(start, stop - start, "..") == 0) {
            bad_package(fmt::format("the zip entry '{}' contains '..'", name));
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
}

void check_sizes(const std::vector<ZipArchive::Member>& members, const MpzLimits& limits) {
    int64_t total = 0;
    for (const auto& member : members) {
        if (member.size >= limits.ratio_floor_bytes &&
            member.size > limits.max_ratio * std::max<int64_t>(member.compressed_size, 1)) {
            bad_package(fmt::format(
                "the zip entry '{}' expands {} bytes to {} (more than {}:1); refused as a zip "
                "bomb",
                member.name, member.compressed_size, member.size, limits.max_ratio));
        }
        total += member.size;
        if (total > limits.max_total_bytes) {
            bad_package(
                fmt::format("the entries expand to more than {} bytes; refused as a zip bomb",
                            limits.max_total_bytes));
        }
    }
}

// Reads a member in chunks, refusing more bytes than its directory entry declared.
template <class Sink>
void stream_member(const ZipArchive& zip, const ZipArchive::Member& member, Sink sink) {
    try {
        ZipEntry entry = zip.open(member.name);
        std::vector<char> buffer(1 << 20);
        int64_t total = 0;
        while (size_t got = entry.read(buffer.data(), buffer.size())) {
            total += static_cast<int64_t>(got);
            if (total > member.size) {
                bad_package(
                    fmt::format("the zip entry '{}' holds more than the {} bytes its "
                                "directory entry declares; refused as a zip bomb",
                                member.name, member.size));
            }
            sink(buffer.data(), got);
        }
    } catch (const ImportError&) {
        throw;
    } catch (const std::runtime_error& error) {
        bad_package(
            fmt::format("the zip entry '{}' cannot be read: {}", member.name, error.what()));
    }
}

}  // namespace

MpzArchive::MpzArchive(const std::filesystem::path& file, MpzLimits limits) : limits_(limits) {
    try {
        zip_ = std::make_unique<ZipArchive>(file.string());
        members_ = zip_->members();
    } catch (const std::runtime_error& error) {
        bad_package(error.what());
    }
    for (const auto& member : members_) check_name(member.name);
    check_sizes(members_, limits_);
}

bool MpzArchive::contains(const std::string& name) const {
    for (const auto& member : members_) {
        if (iequals(member.name, name)) return true;
    }
    return false;
}

const ZipArchive::Member& MpzArchive::member(const std::string& name) const {
    for (const auto& member : members_) {
        if (iequals(member.name, name)) return member;
    }
    bad_package(fmt::format("the package has no '{}'", name));
}

std::string MpzArchive::read_text(const std::string& name) const {
    const auto& found = member(name);
    if (found.size > limits_.max_document_bytes) {
        bad_package(fmt::format("'{}' is {} bytes; the limit is {}", name, found.size,
                                limits_.max_document_bytes));
    }
    std::string text;
    text.reserve(static_cast<size_t>(found.size));
    stream_member(*zip_, found, [&](const char* data, size_t size) { text.append(data, size); });
    return text;
}

void MpzArchive::extract(const std::string& name, const std::filesystem::path& target) const {
    const auto& found = member(name);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + target.string());
    stream_member(*zip_, found, [&](const char* data, size_t size) {
        out.write(data, static_cast<std::streamsize>(size));
    });
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + target.string());
}

}  // namespace pmstudio::importers
