#pragma once

#include <string>
#include <string_view>

namespace pmstudio::api {

// A Content-Disposition value offering a download as `stem` + `extension`: characters no file
// system takes (/ \ : * ? " < > |, control characters) become '_', and so do non-ASCII bytes in
// the quoted `filename`; `filename*` carries the full UTF-8 name percent-encoded (RFC 6266).
// Leading and trailing spaces and dots are dropped; a stem left empty becomes `fallback_stem`.
std::string attachment_disposition(std::string_view stem, std::string_view extension,
                                   std::string_view fallback_stem);

}  // namespace pmstudio::api
