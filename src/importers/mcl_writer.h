#pragma once

#include <string>

#include "importers/mcl_document.h"

namespace pmstudio::importers {

// Writes an MCL document with mindzieStudio's key names, key order and nesting, indented by two
// spaces (see docs/mcl.md). Embedded JSON (OperatorSettings, ExtraOptions) is written as a string:
// the text as read while it still parses to the value, otherwise the value in .NET's indented
// form. Each object's `extra` keys follow its modelled keys. read_mcl(write_mcl(d)) == d for every
// document read by read_mcl.
std::string write_mcl(const McDocument& document);

// One notebook or dashboard object, as write_mcl writes them (for documents that nest them
// elsewhere, such as project exports).
McJson write_mcl_notebook(const McNotebook& notebook);
McJson write_mcl_dashboard(const McDashboard& dashboard);

}  // namespace pmstudio::importers
