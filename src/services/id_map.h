#pragma once

#include <map>
#include <optional>
#include <string>

namespace pmstudio::services {

// Source id -> new id, for objects copied under new ids (notebook copies, templates, project
// imports), and the rewriting of every reference to a source id.
class IdMap {
public:
    void add(const std::string& from, const std::string& to) { ids_[from] = to; }
    // The new id of `from`; a fresh GUID, remembered, when it has none yet.
    std::string assign(const std::string& from);
    std::optional<std::string> find(const std::string& from) const;
    // `text` with every GUID that names a source object replaced by the new id (GUIDs in JSON
    // settings, nested JSON-in-JSON strings included, are plain 36-character tokens).
    std::string rewrite(const std::string& text) const;

private:
    std::map<std::string, std::string> ids_;
};

}  // namespace pmstudio::services
