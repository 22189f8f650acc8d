#pragma once

#include <stdexcept>

namespace pmstudio::storage {

// Raised by any store implementation when an INSERT or UPDATE breaks a uniqueness rule (tenant
// name, user email, project membership); services turn it into a 409.
class UniqueConstraintError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace pmstudio::storage
