#pragma once

#include <cstdint>

namespace pmstudio::services {

// A validated page request: page >= 1, 1 <= page_size <= the route's maximum.
struct PageRequest {
    int64_t page = 1;
    int64_t page_size = 50;

    int64_t offset() const { return (page - 1) * page_size; }
};

}  // namespace pmstudio::services
