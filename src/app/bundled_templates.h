#pragma once

#include <vector>

#include "services/template_service.h"

namespace pmstudio::app {

// The global templates shipped in templates/*.mcl, embedded at build time (CMakeLists.txt).
std::vector<services::BundledTemplate> bundled_templates();

}  // namespace pmstudio::app
