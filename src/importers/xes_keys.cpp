#include "importers/xes_keys.h"

#include <cstdio>
#include <cstdlib>

namespace pmstudio::importers::xes {
namespace {

std::optional<int32_t> parse_offset(std::string_view text) {
    auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || !digit(1) || !digit(2) ||
        text[3] != ':' || !digit(4) || !digit(5)) {
        return std::nullopt;
    }
    const int32_t hours = (text[1] - '0') * 10 + (text[2] - '0');
    const int32_t minutes = (text[4] - '0') * 10 + (text[5] - '0');
    const int32_t total = hours * 60 + minutes;
    return text[0] == '-' ? -total : total;
}

}  // namespace

std::string format_offsets(const std::vector<int32_t>& offsets_minutes) {
    std::string out;
    for (int32_t offset : offsets_minutes) {
        if (!out.empty()) out += ',';
        char text[16];
        const int32_t magnitude = std::abs(offset);
        std::snprintf(text, sizeof text, "%c%02d:%02d", offset < 0 ? '-' : '+',
                      static_cast<int>(magnitude / 60), static_cast<int>(magnitude % 60));
        out += text;
    }
    return out;
}

std::optional<std::vector<int32_t>> parse_offsets(std::string_view text) {
    std::vector<int32_t> out;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        auto offset = parse_offset(text.substr(0, comma));
        if (!offset) return std::nullopt;
        out.push_back(*offset);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

}  // namespace pmstudio::importers::xes
