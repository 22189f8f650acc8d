#include "eventlog/string_pool.h"

namespace pmstudio::eventlog {

uint32_t StringPool::intern(std::string_view text) {
    auto found = index_.find(text);
    if (found != index_.end()) return found->second;
    const auto code = static_cast<uint32_t>(values_.size());
    values_.emplace_back(text);
    index_.emplace(values_.back(), code);
    return code;
}

std::vector<std::string> StringPool::release() {
    index_.clear();
    std::vector<std::string> out(std::make_move_iterator(values_.begin()),
                                 std::make_move_iterator(values_.end()));
    values_.clear();
    return out;
}

}  // namespace pmstudio::eventlog
