#include "eventlog/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace pmstudio::eventlog {

void advise_huge_pages(void* data, size_t bytes) {
    constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
    const auto start = reinterpret_cast<uintptr_t>(data);
    const uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
    const uintptr_t end = (start + bytes) & ~(kHugePage - 1);
    if (end > begin)
        ::madvise(static_cast<char*>(data) + (begin - start), end - begin, MADV_HUGEPAGE);
}

}  // namespace pmstudio::eventlog
