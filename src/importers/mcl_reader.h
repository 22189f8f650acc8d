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

// One notebook or dashboard object of a document (for documents that nest them elsewhere, such as
// project exports); `path` is its place in error messages, e.g. "Investigations[0].MainNotebook".
McNotebook read_mcl_notebook(const McJson& json, const std::string& path);
McDashboard read_mcl_dashboard(const McJson& json, const std::string& path);

}  // namespace pmstudio::importers
