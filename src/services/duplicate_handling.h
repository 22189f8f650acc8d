#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

// How a project import treats a project of the same name in the tenant, after SnapLogic's
// project import (../shared/spec/snaplogic-project-import.md; docs/project-transfer.md).
namespace pmstudio::services {

enum class DuplicateCheck {
    CreateNew,  // create_new (or false): a new project named "<name> 1", "<name> 2", ...
    Skip,       // skip (or true): into the existing project; assets it has by name stay, 409
    Overwrite,  // overwrite: into the existing project; assets of overwrite_types are replaced
};

// The assets compared by name inside the existing project.
enum class AssetKind { Dataset, Investigation, Dashboard };

struct DuplicateHandling {
    DuplicateCheck check = DuplicateCheck::CreateNew;
    std::set<AssetKind> overwrite_types;
};

// From the query parameters: duplicate_check (skip, true, create_new, false, overwrite; any
// case; absent: create_new) and overwrite_types (Dataset, Investigation, Dashboard, singular or
// plural, any case; comma-separated and/or repeated). A BadRequest ServiceError names a value it
// does not know.
DuplicateHandling parse_duplicate_handling(const std::optional<std::string>& duplicate_check,
                                           const std::vector<std::string>& overwrite_types);

const char* asset_kind_name(AssetKind kind);  // "Dataset", ...

enum class AssetAction { Add, Skip, Overwrite };
// What the import does with a package asset when the target project `has_same_name` asset.
AssetAction asset_action(const DuplicateHandling& handling, AssetKind kind, bool has_same_name);

// `name` when no project has it, else "<name> 1", "<name> 2", ...: the first one not taken.
std::string numbered_name(const std::string& name, const std::set<std::string>& taken);

}  // namespace pmstudio::services
