#pragma once

#include <string_view>

#include "importers/mcl_document.h"

namespace pmstudio::importers {

// Reads an MCL document (see docs/mcl.md). Keys are matched ignoring case; `//` and `/* */`
// comments are allowed. OperatorSettings and ExtraOptions strings are parsed as JSON. Keys we do
// not model are kept in each object's `extra`. Malformed input (not JSON, a missing required key,
// a value of the wrong type, an embedded settings string that is not JSON) throws
// ImportError(400) whose message names the place, e.g. "MCL Notebooks[0].Blocks[3].BlockType:
// expected an integer, got string".
McDocument read_mcl(std::string_view text);

}  // namespace pmstudio::importers
