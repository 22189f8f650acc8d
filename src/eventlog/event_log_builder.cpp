#include "eventlog/event_log_builder.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

namespace pmstudio::eventlog {
namespace {

// Sorts a dictionary and returns old code -> new code.
std::vector<uint32_t> sort_dictionary(std::vector<std::string>& dictionary) {
    std::vector<uint32_t> order(dictionary.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return dictionary[a] < dictionary[b]; });
    std::vector<uint32_t> remap(dictionary.size());
    std::vector<std::string> sorted(dictionary.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        remap[order[i]] = i;
        sorted[i] = std::move(dictionary[order[i]]);
    }
    dictionary = std::move(sorted);
    return remap;
}

void canonicalize_strings(Column& column) {
    if (column.type != ValueType::String) return;
    const auto remap = sort_dictionary(column.dictionary);
    for (size_t row = 0; row < column.codes.size(); ++row) {
        if (!column.is_null(row)) column.codes[row] = remap[column.codes[row]];
    }
}

bool same_value(const Column& column, size_t a, size_t b) {
    const bool null_a = column.is_null(a);
    if (null_a != column.is_null(b)) return false;
    if (null_a) return true;
    switch (column.type) {
        case ValueType::Double:
            // Bit for bit, so that NaN equals NaN and 0.0 differs from -0.0.
            return std::bit_cast<uint64_t>(column.doubles[a]) ==
                   std::bit_cast<uint64_t>(column.doubles[b]);
        case ValueType::String:
            return column.codes[a] == column.codes[b];
        default:
            return column.ints[a] == column.ints[b];
    }
}

bool constant_within_cases(const Column& column, const std::vector<uint32_t>& offsets) {
    for (size_t c = 0; c + 1 < offsets.size(); ++c) {
        for (uint32_t e = offsets[c] + 1; e < offsets[c + 1]; ++e) {
            if (!same_value(column, offsets[c], e)) return false;
        }
    }
    return true;
}

template <typename T>
std::vector<T> permute(std::vector<T>& values, const std::vector<uint32_t>& order) {
    std::vector<T> out(order.size());
    for (size_t i = 0; i < order.size(); ++i) out[i] = values[order[i]];
    values = {};
    return out;
}

}  // namespace

EventLogBuilder::EventLogBuilder(bool has_resource, bool has_start_time)
    : has_resource_(has_resource), has_start_time_(has_start_time) {}

size_t EventLogBuilder::add_event(std::string_view case_id, std::string_view activity,
                                  int64_t timestamp, std::optional<int64_t> start_time,
                                  std::optional<std::string_view> resource) {
    case_.push_back(case_ids_.intern(case_id));
    activity_.push_back(activities_.intern(activity));
    timestamp_.push_back(timestamp);
    if (has_start_time_) start_time_.push_back(start_time.value_or(kNoTime));
    if (has_resource_) resource_.push_back(resource ? resources_.intern(*resource) : kNoResource);
    return activity_.size() - 1;
}

size_t EventLogBuilder::attribute_index(std::string_view name, AttributeLevel level) {
    auto found = attribute_by_name_.find(std::string(name));
    if (found != attribute_by_name_.end()) return found->second;
    attributes_.push_back({std::make_unique<ColumnBuilder>(std::string(name)), level});
    attribute_by_name_.emplace(std::string(name), attributes_.size() - 1);
    return attributes_.size() - 1;
}

size_t EventLogBuilder::case_attribute_index(std::string_view name) {
    for (size_t i = 0; i < case_attributes_.size(); ++i) {
        if (case_attributes_[i]->name() == name) return i;
    }
    case_attributes_.push_back(std::make_unique<ColumnBuilder>(std::string(name)));
    return case_attributes_.size() - 1;
}

EventLog EventLogBuilder::finish(EventLogMetadata metadata) {
    EventLog log;
    log.metadata = std::move(metadata);
    const size_t rows = this->rows();

    // Cases in case-id order.
    auto case_names = case_ids_.release();
    const auto case_rank = sort_dictionary(case_names);
    log.case_ids = std::move(case_names);
    const size_t cases = log.case_ids.size();

    // Counting sort of rows by case (stable, so input order survives within a case), then a stable
    // sort by timestamp inside each case: the canonical (case, timestamp, row) order.
    log.case_offsets.assign(cases + 1, 0);
    for (uint32_t code : case_) ++log.case_offsets[case_rank[code] + 1];
    std::partial_sum(log.case_offsets.begin(), log.case_offsets.end(), log.case_offsets.begin());
    std::vector<uint32_t> order(rows);
    {
        std::vector<uint32_t> next(log.case_offsets.begin(), log.case_offsets.end() - 1);
        for (uint32_t row = 0; row < rows; ++row) order[next[case_rank[case_[row]]]++] = row;
    }
    case_ = {};
    auto by_time = [&](uint32_t a, uint32_t b) { return timestamp_[a] < timestamp_[b]; };
    for (size_t c = 0; c < cases; ++c) {
        auto first = order.begin() + log.case_offsets[c];
        auto last = order.begin() + log.case_offsets[c + 1];
        if (!std::is_sorted(first, last, by_time)) std::stable_sort(first, last, by_time);
    }

    log.activities = activities_.release();
    const auto activity_remap = sort_dictionary(log.activities);
    log.activity.resize(rows);
    for (size_t i = 0; i < rows; ++i) log.activity[i] = activity_remap[activity_[order[i]]];
    activity_ = {};
    log.timestamp = permute(timestamp_, order);
    if (has_start_time_) log.start_time = permute(start_time_, order);
    if (has_resource_) {
        log.resources = resources_.release();
        const auto resource_remap = sort_dictionary(log.resources);
        log.resource.resize(rows);
        for (size_t i = 0; i < rows; ++i) {
            const uint32_t code = resource_[order[i]];
            log.resource[i] = code == kNoResource ? kNoResource : resource_remap[code];
        }
        resource_ = {};
    }

    std::vector<uint32_t> case_order(cases);  // canonical case -> case number
    for (uint32_t code = 0; code < cases; ++code) case_order[case_rank[code]] = code;
    for (auto& builder : case_attributes_) {
        Column column = builder->finish(cases).gather(case_order);
        canonicalize_strings(column);
        log.case_attributes.push_back(std::move(column));
    }
    case_attributes_.clear();

    std::vector<uint32_t> first_events(log.case_offsets.begin(), log.case_offsets.end() - 1);
    for (auto& attribute : attributes_) {
        Column column = attribute.builder->finish(rows).gather(order);
        attribute.builder.reset();
        canonicalize_strings(column);
        const bool case_level = attribute.level == AttributeLevel::Case ||
                                (attribute.level == AttributeLevel::Infer &&
                                 constant_within_cases(column, log.case_offsets));
        if (case_level) {
            log.case_attributes.push_back(column.gather(first_events));
        } else {
            log.event_attributes.push_back(std::move(column));
        }
    }
    attributes_.clear();
    attribute_by_name_.clear();
    return log;
}

}  // namespace pmstudio::eventlog
