#include "importers/xlsx_text.h"

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

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
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
        append_utf8(out, static_cast<unsigned>(unit));
        pos += kEscapeLength - 1;
        start = pos + 1;
    }
    out.append(text.substr(start));
}

}  // namespace pmstudio::importers
