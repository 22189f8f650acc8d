#include "eventlog/case_variants.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>

#include "eventlog/string_pool.h"

namespace pmstudio::eventlog {

CaseVariants case_variants(const LogView& view) {
    // A sequence's codes, byte for byte, interned: the pool hashes (XXH3), compares and numbers
    // the distinct sequences in first-seen order.
    StringPool pool;
    std::vector<uint32_t> first_seen_variant(view.case_count());
    std::vector<uint32_t> buffer;
    for (size_t position = 0; position < view.case_count(); ++position) {
        const auto activities = view.case_activities(view.cases()[position], buffer);
        first_seen_variant[position] = pool.intern(
            {reinterpret_cast<const char*>(activities.data()), activities.size_bytes()});
    }
    const std::vector<std::string> sequences = pool.release();

    std::vector<Variant> first_seen(sequences.size());
    for (size_t v = 0; v < sequences.size(); ++v) {
        first_seen[v].activities.resize(sequences[v].size() / sizeof(uint32_t));
        std::memcpy(first_seen[v].activities.data(), sequences[v].data(), sequences[v].size());
    }
    for (uint32_t v : first_seen_variant) ++first_seen[v].case_count;

    std::vector<uint32_t> order(first_seen.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        if (first_seen[a].case_count != first_seen[b].case_count) {
            return first_seen[a].case_count > first_seen[b].case_count;
        }
        return first_seen[a].activities < first_seen[b].activities;
    });
    std::vector<uint32_t> rank(order.size());
    CaseVariants out;
    out.variants.reserve(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        out.variants.push_back(std::move(first_seen[order[r]]));
        out.variants.back().id = variant_id(view.log(), out.variants.back().activities);
    }
    out.variant_of_case.reserve(first_seen_variant.size());
    for (uint32_t v : first_seen_variant) out.variant_of_case.push_back(rank[v]);
    return out;
}

std::string variant_id(const EventLog& log, std::span<const uint32_t> activities) {
    std::string bytes;
    for (uint32_t code : activities) {
        const std::string& name = log.activities[code];
        const auto size = static_cast<uint32_t>(name.size());
        bytes.append(reinterpret_cast<const char*>(&size), sizeof(size));
        bytes += name;
    }
    return fmt::format("{:016x}", XXH3_64bits(bytes.data(), bytes.size()));
}

}  // namespace pmstudio::eventlog
