#include "importers/xlsx_text.h"

#include "importers/text_encoding.h"

namespace pmstudio::importers {
namespace {

constexpr size_t kEscapeLength = 7;  // _xHHHH_

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of an escape at the start of `text`, or -1.
int escaped_unit(std::string_view text) {
    if (text.size() < kEscapeLength || text[0] != '_' || text[1] != 'x' || text[6] != '_') {
        return -1;
    }
    int unit = 0;
    for (size_t i = 2; i < 6; ++i) {
        const int digit = hex_digit(text[i]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

}  // namespace

void append_xlsx_text(std::string& out, std::string_view text) {
    size_t start = 0;
    for (size_t pos = text.find("_x"); pos != std::string_view::npos;
         pos = text.find("_x", pos + 1)) {
        const int unit = escaped_unit(text.substr(pos));
        // Lone surrogate halves are not characters; leave such an escape as it is.
        if (unit < 0 || (unit >= 0xD800 && unit <= 0xDFFF)) continue;
        out.append(text.substr(start, pos - start));
        append_utf8(static_cast<uint32_t>(unit), out);
        pos += kEscapeLength - 1;
        start = pos + 1;
    }
    out.append(text.substr(start));
}

}  // namespace pmstudio::importers
