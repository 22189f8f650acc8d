#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "eventlog/log_view.h"

namespace pmstudio::eventlog {

// A distinct activity sequence of the cases of a view.
struct Variant {
    std::string id;                    // variant_id of the sequence
    std::vector<uint32_t> activities;  // activity codes of the log
    uint64_t case_count = 0;
};

struct CaseVariants {
    // Most cases first; equal counts in the order of their activity names (dictionaries are
    // sorted, so the order of the codes).
    std::vector<Variant> variants;
    std::vector<uint32_t> variant_of_case;  // per kept case position: index into variants
};

// Groups the kept cases of a view by the activity sequence of their kept events.
CaseVariants case_variants(const LogView& view);

// 16 hex digits of XXH3-64 over the XXH3-64 hashes of the activity names: the same sequence has
// the same id in every view and in every log, whatever its activity codes.
std::string variant_id(const EventLog& log, std::span<const uint32_t> activities);

}  // namespace pmstudio::eventlog
