#include "eventlog/case_variants.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

#include "eventlog/parallel_tasks.h"
#include "eventlog/string_pool.h"
#include "eventlog/view_scan.h"

namespace pmstudio::eventlog {
namespace {

template <class T>
uint64_t hash_of(std::span<const T> values) {
    return XXH3_64bits(values.data(), values.size_bytes());
}

uint64_t hash_of(const std::string& name) {
    return hash_of(std::span<const char>(name));
}

// variant_id, given the name hash of each activity code.
std::string id_of(std::span<const uint32_t> activities, const std::vector<uint64_t>& name_hashes,
                  std::vector<uint64_t>& buffer) {
    buffer.clear();
    for (uint32_t code : activities) buffer.push_back(name_hashes[code]);
    uint64_t hash = hash_of(std::span<const uint64_t>(buffer));
    std::string id(16, '0');
    for (size_t i = id.size(); i-- > 0; hash >>= 4) id[i] = "0123456789abcdef"[hash & 15];
    return id;
}

// A sequence to sort, with its number.
struct Entry {
    std::span<const uint32_t> codes;
    uint32_t number;
};

// Sorts entries by their codes, a sequence before its extensions. Multikey quicksort (Bentley &
// Sedgewick): the codes of a common prefix are read once per partition, not once per
// comparison, and variants share long prefixes. Past `budget` nested calls std::sort takes the
// rest, which bounds the stack.
void sort_by_codes(std::span<Entry> entries, size_t depth, int budget) {
    while (entries.size() > 1) {
        if (budget == 0) {
            std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
                return std::ranges::lexicographical_compare(a.codes.subspan(depth),
                                                            b.codes.subspan(depth));
            });
            return;
        }
        const auto key = [&](const Entry& entry) -> uint64_t {  // 0 past the end
            return depth < entry.codes.size() ? uint64_t{entry.codes[depth]} + 1 : 0;
        };
        const uint64_t pivot = key(entries[entries.size() / 2]);
        size_t less = 0;
        size_t greater = entries.size();
        for (size_t i = 0; i < greater;) {
            const uint64_t k = key(entries[i]);
            if (k < pivot) {
                std::swap(entries[less++], entries[i++]);
            } else if (k > pivot) {
                std::swap(entries[i], entries[--greater]);
            } else {
                ++i;
            }
        }
        sort_by_codes(entries.first(less), depth, budget - 1);
        sort_by_codes(entries.subspan(greater), depth, budget - 1);
        if (pivot == 0) return;  // the sequences are distinct: one ended here
        entries = entries.subspan(less, greater - less);
        ++depth;
    }
}

constexpr int kSortBudget = 256;

}  // namespace

CaseVariants case_variants(const LogView& view) {
    const size_t cases = view.case_count();
    std::vector<uint64_t> hashes(cases);
    std::vector<std::vector<uint32_t>> buffers;  // per worker
    scan_case_ranges(
        view, [&](size_t workers) { buffers.resize(workers); },
        [&](size_t worker, size_t first, size_t last) {
            for (size_t p = first; p < last; ++p) {
                hashes[p] = hash_of(view.case_activities(view.cases()[p], buffers[worker]));
            }
        });

    // The distinct sequences, numbered in first-seen order: their codes, byte for byte, interned.
    StringPool pool;
    std::vector<uint32_t> first_seen_variant(cases);
    std::vector<uint32_t> buffer;
    for (size_t p = 0; p < cases; ++p) {
        const auto activities = view.case_activities(view.cases()[p], buffer);
        first_seen_variant[p] = pool.intern(
            {reinterpret_cast<const char*>(activities.data()), activities.size_bytes()}, hashes[p]);
    }
    std::vector<uint64_t> counts(pool.size(), 0);
    for (uint32_t v : first_seen_variant) ++counts[v];
    std::vector<size_t> starts;  // of each sequence in `codes`
    std::vector<uint32_t> codes;
    for (uint32_t v = 0; v < pool.size(); ++v) {
        const std::string& bytes = pool.at(v);
        starts.push_back(codes.size());
        codes.resize(codes.size() + bytes.size() / sizeof(uint32_t));
        std::memcpy(codes.data() + starts.back(), bytes.data(), bytes.size());
    }
    starts.push_back(codes.size());

    std::vector<Entry> order;
    order.reserve(counts.size());
    for (uint32_t v = 0; v < counts.size(); ++v) {
        order.push_back({{codes.data() + starts[v], starts[v + 1] - starts[v]}, v});
    }
    sort_by_codes(order, 0, kSortBudget);
    std::stable_sort(order.begin(), order.end(), [&](const Entry& a, const Entry& b) {
        return counts[a.number] > counts[b.number];
    });

    std::vector<uint64_t> name_hashes;
    name_hashes.reserve(view.log().activities.size());
    for (const std::string& name : view.log().activities) name_hashes.push_back(hash_of(name));
    // Ids and copies of the sequences, in parallel over ranges of variants.
    constexpr size_t kVariantsPerTask = 1024;
    std::vector<uint32_t> rank(order.size());
    CaseVariants out;
    out.variants.resize(order.size());
    std::vector<std::vector<uint64_t>> id_buffers;  // per worker
    run_parallel((order.size() + kVariantsPerTask - 1) / kVariantsPerTask,
                 [&](size_t workers) { id_buffers.resize(workers); },
                 [&](size_t worker, size_t task) {
                     const size_t end = std::min(order.size(), (task + 1) * kVariantsPerTask);
                     for (size_t r = task * kVariantsPerTask; r < end; ++r) {
                         const Entry& entry = order[r];
                         rank[entry.number] = static_cast<uint32_t>(r);
                         out.variants[r] = {id_of(entry.codes, name_hashes, id_buffers[worker]),
                                            {entry.codes.begin(), entry.codes.end()},
                                            counts[entry.number]};
                     }
                 });
    out.variant_of_case.reserve(cases);
    for (uint32_t v : first_seen_variant) out.variant_of_case.push_back(rank[v]);
    return out;
}

std::string variant_id(const EventLog& log, std::span<const uint32_t> activities) {
    std::vector<uint64_t> name_hashes(log.activities.size());
    for (uint32_t code : activities) name_hashes[code] = hash_of(log.activities[code]);
    std::vector<uint64_t> buffer;
    return id_of(activities, name_hashes, buffer);
}

}  // namespace pmstudio::eventlog
