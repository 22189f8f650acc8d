#include "services/duplicate_handling.h"

#include <fmt/format.h>

#include "common/service_error.h"
#include "common/text.h"

namespace pmstudio::services {
namespace {

constexpr AssetKind kKinds[] = {AssetKind::Dataset, AssetKind::Investigation, AssetKind::Dashboard};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

AssetKind asset_kind(const std::string& value) {
    for (const AssetKind kind : kKinds) {
        const std::string name = asset_kind_name(kind);
        if (iequals(value, name) || iequals(value, name + "s")) return kind;
    }
    throw ServiceError(ErrorKind::BadRequest,
                       fmt::format("overwrite_types: '{}' is not an asset type; use Dataset, "
                                   "Investigation or Dashboard",
                                   value));
}

}  // namespace

const char* asset_kind_name(AssetKind kind) {
    switch (kind) {
        case AssetKind::Dataset:
            return "Dataset";
        case AssetKind::Investigation:
            return "Investigation";
        case AssetKind::Dashboard:
            return "Dashboard";
    }
    return "";
}

DuplicateHandling parse_duplicate_handling(const std::optional<std::string>& duplicate_check,
                                           const std::vector<std::string>& overwrite_types) {
    DuplicateHandling handling;
    if (duplicate_check) {
        const std::string value = trimmed(*duplicate_check);
        if (iequals(value, "skip") || iequals(value, "true")) {
            handling.check = DuplicateCheck::Skip;
        } else if (iequals(value, "create_new") || iequals(value, "false")) {
            handling.check = DuplicateCheck::CreateNew;
        } else if (iequals(value, "overwrite")) {
            handling.check = DuplicateCheck::Overwrite;
        } else {
            throw ServiceError(ErrorKind::BadRequest,
                               fmt::format("duplicate_check must be skip, create_new or overwrite "
                                           "(or true/false), got '{}'",
                                           *duplicate_check));
        }
    }
    for (const auto& list : overwrite_types) {
        size_t start = 0;
        while (start <= list.size()) {
            const size_t comma = std::min(list.find(',', start), list.size());
            const std::string value = trimmed(std::string_view(list).substr(start, comma - start));
            if (!value.empty()) handling.overwrite_types.insert(asset_kind(value));
            start = comma + 1;
        }
    }
    return handling;
}

AssetAction asset_action(const DuplicateHandling& handling, AssetKind kind, bool has_same_name) {
    if (!has_same_name) return AssetAction::Add;
    if (handling.check == DuplicateCheck::Overwrite && handling.overwrite_types.contains(kind)) {
        return AssetAction::Overwrite;
    }
    return AssetAction::Skip;
}

std::string numbered_name(const std::string& name, const std::set<std::string>& taken) {
    if (!taken.contains(name)) return name;
    for (int number = 1;; ++number) {
        auto candidate = fmt::format("{} {}", name, number);
        if (!taken.contains(candidate)) return candidate;
    }
}

}  // namespace pmstudio::services
