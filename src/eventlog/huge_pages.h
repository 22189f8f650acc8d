#pragma once

#include <cstddef>
#include <vector>

namespace pmstudio::eventlog {

// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge
// pages (a hint; ignored where unsupported). Call before the memory is first touched: filling
// fresh memory then costs one page fault per 2 MiB instead of one per 4 KiB.
void advise_huge_pages(void* data, size_t bytes);

// Resizes an empty vector to `size` value-initialized elements in memory advised as above.
template <typename T>
void resize_with_huge_pages(std::vector<T>& values, size_t size) {
    values.reserve(size);
    advise_huge_pages(values.data(), size * sizeof(T));
    values.resize(size);
}

}  // namespace pmstudio::eventlog
