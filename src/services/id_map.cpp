#include "services/id_map.h"

#include "common/guid.h"

namespace pmstudio::services {
namespace {

constexpr size_t kGuidLength = 36;

}  // namespace

std::string IdMap::assign(const std::string& from) {
    auto [it, inserted] = ids_.try_emplace(from);
    if (inserted) it->second = new_guid();
    return it->second;
}

std::optional<std::string> IdMap::find(const std::string& from) const {
    auto it = ids_.find(from);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

std::string IdMap::rewrite(const std::string& text) const {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (i + kGuidLength <= text.size() &&
            is_guid(std::string_view(text).substr(i, kGuidLength))) {
            if (auto to = find(normalize_guid(std::string_view(text).substr(i, kGuidLength)))) {
                out += *to;
                i += kGuidLength;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace pmstudio::services
