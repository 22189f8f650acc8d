#include "eventlog/string_pool.h"

#include <xxhash.h>

namespace pmstudio::eventlog {

StringPool::StringPool() : slots_(64), mask_(63) {}

uint32_t StringPool::intern(std::string_view text) {
    return intern(text, XXH3_64bits(text.data(), text.size()));
}

uint32_t StringPool::intern(std::string_view text, uint64_t hash) {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (slot.code == kEmpty) {
            const auto code = static_cast<uint32_t>(values_.size());
            values_.emplace_back(text);
            slot = {hash, code};
            if (values_.size() * 2 > slots_.size()) grow();
            return code;
        }
        if (slot.hash == hash && values_[slot.code] == text) return slot.code;
    }
}

void StringPool::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.code == kEmpty) continue;
        size_t i = slot.hash & mask_;
        while (slots_[i].code != kEmpty) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
}

std::vector<std::string> StringPool::release() {
    std::vector<std::string> out(std::make_move_iterator(values_.begin()),
                                 std::make_move_iterator(values_.end()));
    values_.clear();
    slots_.assign(64, Slot{});
    mask_ = 63;
    return out;
}

}  // namespace pmstudio::eventlog
