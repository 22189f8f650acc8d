#include "eventlog/calculated_attributes.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <string>

#include "eventlog/case_variants.h"
#include "eventlog/time_format.h"
#include "eventlog/view_scan.h"

namespace pmstudio::eventlog {
namespace {

constexpr std::string_view kPrefix = "~calc~";

constexpr std::array<std::string_view, 15> kNames = {
    "CaseStart",          "CaseEnd",          "CaseDuration",
    "StartActivity",      "EndActivity",      "FirstResource",
    "LastResource",       "EventCount",       "DistinctActivityCount",
    "CaseWithRepetition", "CaseStartYear",    "CaseStartQuarter",
    "CaseStartMonth",     "CaseStartWeekday", "Variant",
};

// The key of a null value in text_column.
constexpr int64_t kNullKey = std::numeric_limits<int64_t>::min();

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

// value(case index) for every kept case, computed in parallel over case ranges.
std::vector<int64_t> per_case(const LogView& view, const std::function<int64_t(uint32_t)>& value) {
    std::vector<int64_t> out(view.case_count());
    scan_case_ranges(
        view, [](size_t) {},
        [&](size_t, size_t first, size_t last) {
            for (size_t p = first; p < last; ++p) out[p] = value(view.cases()[p]);
        });
    return out;
}

Column int_column(CalculatedAttribute attribute, ValueType type, std::vector<int64_t> values) {
    Column column;
    column.name = std::string(kPrefix) + std::string(kNames[static_cast<size_t>(attribute)]);
    column.type = type;
    column.ints = std::move(values);
    return column;
}

// A String column from one key per case and the text of each key; the dictionary holds the
// distinct texts, sorted.
Column text_column(CalculatedAttribute attribute, const std::vector<int64_t>& keys,
                   const std::function<std::string(int64_t)>& text) {
    Column column = int_column(attribute, ValueType::String, {});
    std::map<int64_t, uint32_t> code_of_key;
    for (int64_t key : keys) {
        if (key != kNullKey) code_of_key.emplace(key, 0);
    }
    std::vector<std::pair<std::string, int64_t>> texts;
    texts.reserve(code_of_key.size());
    for (const auto& entry : code_of_key) texts.emplace_back(text(entry.first), entry.first);
    std::sort(texts.begin(), texts.end());
    for (const auto& [value, key] : texts) {
        code_of_key[key] = static_cast<uint32_t>(column.dictionary.size());
        column.dictionary.push_back(value);
    }
    column.codes.resize(keys.size());
    for (size_t row = 0; row < keys.size(); ++row) {
        if (keys[row] == kNullKey) {
            column.set_null(row);
        } else {
            column.codes[row] = code_of_key[keys[row]];
        }
    }
    return column;
}

// Per kept case: the number of distinct activities, or 1/0 for whether one repeats.
std::vector<int64_t> activity_repetition(const LogView& view, bool distinct_count) {
    const EventLog& log = view.log();
    std::vector<int64_t> out(view.case_count());
    std::vector<std::vector<uint32_t>> last_seen;  // per worker, per activity: position + 1
    scan_case_ranges(
        view,
        [&](size_t workers) {
            last_seen.assign(workers, std::vector<uint32_t>(log.activities.size(), 0));
        },
        [&](size_t worker, size_t first, size_t last) {
            std::vector<uint32_t>& seen = last_seen[worker];
            for (size_t p = first; p < last; ++p) {
                const auto stamp = static_cast<uint32_t>(p + 1);
                int64_t distinct = 0;
                bool repeats = false;
                view.for_each_event(view.cases()[p], [&](uint32_t e) {
                    uint32_t& slot = seen[log.activity[e]];
                    repeats |= slot == stamp;
                    distinct += slot == stamp ? 0 : 1;
                    slot = stamp;
                });
                out[p] = distinct_count ? distinct : int64_t{repeats};
            }
        });
    return out;
}

}  // namespace

std::optional<CalculatedAttribute> calculated_attribute(std::string_view column_name) {
    if (!column_name.starts_with(kPrefix)) return std::nullopt;
    column_name.remove_prefix(kPrefix.size());
    const auto* found = std::find(kNames.begin(), kNames.end(), column_name);
    if (found == kNames.end()) return std::nullopt;
    return static_cast<CalculatedAttribute>(found - kNames.begin());
}

Column calculated_case_attribute(const LogView& view, CalculatedAttribute attribute) {
    using enum CalculatedAttribute;
    const EventLog& log = view.log();
    const auto first_time = [&](uint32_t c) { return log.timestamp[view.first_event(c)]; };
    const auto resource_of = [&](uint32_t e) -> int64_t {
        return log.has_resource() && log.resource[e] != kNoResource ? log.resource[e] : kNullKey;
    };
    const auto by_code = [&](const std::vector<std::string>& names) {
        return [&names](int64_t code) { return names[static_cast<size_t>(code)]; };
    };
    switch (attribute) {
        case CaseStart:
            return int_column(attribute, ValueType::DateTime, per_case(view, first_time));
        case CaseEnd:
            return int_column(attribute, ValueType::DateTime, per_case(view, [&](uint32_t c) {
                                  return log.timestamp[view.last_event(c)];
                              }));
        case CaseDuration:
            return int_column(attribute, ValueType::TimeSpan, per_case(view, [&](uint32_t c) {
                                  return log.timestamp[view.last_event(c)] - first_time(c);
                              }));
        case StartActivity:
            return text_column(
                attribute,
                per_case(view, [&](uint32_t c) { return log.activity[view.first_event(c)]; }),
                by_code(log.activities));
        case EndActivity:
            return text_column(
                attribute,
                per_case(view, [&](uint32_t c) { return log.activity[view.last_event(c)]; }),
                by_code(log.activities));
        case FirstResource:
            return text_column(
                attribute,
                per_case(view, [&](uint32_t c) { return resource_of(view.first_event(c)); }),
                by_code(log.resources));
        case LastResource:
            return text_column(
                attribute,
                per_case(view, [&](uint32_t c) { return resource_of(view.last_event(c)); }),
                by_code(log.resources));
        case EventCount:
            return int_column(attribute, ValueType::Integer, per_case(view, [&](uint32_t c) {
                                  return static_cast<int64_t>(view.case_event_count(c));
                              }));
        case DistinctActivityCount:
            return int_column(attribute, ValueType::Integer, activity_repetition(view, true));
        case CaseWithRepetition:
            return int_column(attribute, ValueType::Boolean, activity_repetition(view, false));
        case CaseStartYear:
            return int_column(attribute, ValueType::Integer, per_case(view, [&](uint32_t c) {
                                  return civil_date(first_time(c)).year;
                              }));
        case CaseStartQuarter:
            return text_column(
                attribute,
                per_case(view,
                         [&](uint32_t c) {
                             const CivilDate date = civil_date(first_time(c));
                             return date.year * 4 + (date.month - 1) / 3;
                         }),
                [](int64_t key) { return fmt::format("{:04} Q{}", key / 4, key % 4 + 1); });
        case CaseStartMonth:
            return text_column(
                attribute,
                per_case(view,
                         [&](uint32_t c) {
                             const CivilDate date = civil_date(first_time(c));
                             return date.year * 12 + (date.month - 1);
                         }),
                [](int64_t key) { return fmt::format("{:04}-{:02}", key / 12, key % 12 + 1); });
        case CaseStartWeekday:
            return text_column(
                attribute,
                per_case(view, [&](uint32_t c) { return civil_date(first_time(c)).weekday; }),
                [](int64_t key) { return std::string(kWeekdays[static_cast<size_t>(key)]); });
        case Variant: {
            const CaseVariants variants = case_variants(view);
            return text_column(
                attribute,
                std::vector<int64_t>(variants.variant_of_case.begin(),
                                     variants.variant_of_case.end()),
                [&](int64_t v) { return variants.variants[static_cast<size_t>(v)].id; });
        }
    }
    return {};
}

}  // namespace pmstudio::eventlog
