#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/mcl_document.h"

namespace pmstudio::services {

// The problems that keep an MCL text from being a usable template: it does not read as MCL
// (docs/mcl.md), has nothing to instantiate (no notebook block, document block or enrichment
// block), or a block names an unknown operator or has a setting of the wrong type (each message
// names the block by its place, title and the setting). `document` receives the parsed text.
std::vector<std::string> template_mcl_errors(std::string_view mcl_text,
                                             importers::McDocument& document);

}  // namespace pmstudio::services
